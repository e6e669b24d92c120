using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.History;

public static class HistoryEndpoint
{
    public sealed record HistoryItem(DateTimeOffset At, Guid ByUserId, string ByName, string From, string To, string? Reason, string ReasonText);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/history", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var history = await mediator.Send(new GetHistory(new ProposalId(id)), ct);
                return history is null
                    ? StateChangeProblems.For(l, Outcome.NotFound, StateChangeResult.NotFound.Errors)
                    : Results.Ok(history.Select(h => new HistoryItem(h.At, h.ByUserId, h.ByName, h.From.ToString(), h.To.ToString(), h.Reason, StateChangeText.Reason(l, h.Reason))).ToList());
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("GetPreProposalHistory")
            .WithSummary("The timeline of a pre-proposal: every transition with when, who, from, to and why (reason: a Transition.* code or the words typed; reasonText in the request's language)")
            .Produces<List<HistoryItem>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
