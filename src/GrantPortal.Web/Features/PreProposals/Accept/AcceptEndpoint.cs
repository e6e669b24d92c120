using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Accept;

public static class AcceptEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/accept", (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                StateChangeEndpoint.SendAsync(mediator, l, new Accept(new ProposalId(id)), id, ApplicationState.Accepted, ct))
            .RequireAuthorization(Policies.ExchangeCenterStaff)
            .WithName("AcceptPreProposal")
            .WithSummary("受理: the Exchange Center accepts an endorsed pre-proposal; lead unit and PI are locked from then on (LOCK-AFTER-ACCEPT)")
            .Produces<StateChangeEndpoint.StateResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
