using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Complete;

public static class CompleteEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/complete", (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                StateChangeEndpoint.SendAsync(mediator, l, new MarkComplete(new ProposalId(id)), id, ApplicationState.Complete, ct))
            .RequireAuthorization(Policies.Applicant)
            .WithName("MarkPreProposalComplete")
            .WithSummary("The PI marks a draft complete (every mandatory field and attachment, the narrative within PRE-LENGTH); every missing piece is reported")
            .Produces<StateChangeEndpoint.StateResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reopen", (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                StateChangeEndpoint.SendAsync(mediator, l, new Reopen(new ProposalId(id)), id, ApplicationState.Draft, ct))
            .RequireAuthorization(Policies.Applicant)
            .WithName("ReopenPreProposal")
            .WithSummary("The PI takes a complete or withdrawn pre-proposal back into a draft")
            .Produces<StateChangeEndpoint.StateResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
