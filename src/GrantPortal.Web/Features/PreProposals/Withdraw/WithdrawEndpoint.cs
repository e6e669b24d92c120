using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Withdraw;

public static class WithdrawEndpoint
{
    public sealed record WithdrawBody(string? Reason);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawBody? body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                StateChangeEndpoint.SendAsync(mediator, l, new Withdraw(new ProposalId(id), body?.Reason), id, ApplicationState.Withdrawn, ct))
            .RequireAuthorization(Policies.LeadUnitAdmin)
            .WithName("WithdrawPreProposal")
            .WithSummary("The lead unit withdraws its submission (optional reason) until the Exchange Center accepts it")
            .Produces<StateChangeEndpoint.StateResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
