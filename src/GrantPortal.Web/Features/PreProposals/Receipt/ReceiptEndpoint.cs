using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Receipt;

public static class ReceiptEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/receipt", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new GetReceipt(new ProposalId(id)), ct);
                if (!result.Visible) return StateChangeProblems.For(l, Outcome.NotFound, StateChangeResult.NotFound.Errors);
                return result.Receipt is { } receipt
                    ? Results.Ok(receipt)
                    : StateChangeProblems.For(l, Outcome.NotFound, [Error.For("Submission.NoReceipt")]);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("GetPreProposalReceipt")
            .WithSummary("The receipt of a submitted pre-proposal: submission number, instant, SHA-256 of the canonical submitted content, recommending unit")
            .Produces<ReceiptData>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
