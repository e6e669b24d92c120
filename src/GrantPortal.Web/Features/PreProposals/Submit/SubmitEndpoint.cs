using System.Text.Json.Nodes;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Features.PreProposals.Receipt;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Submit;

public static class SubmitEndpoint
{
    public sealed record SubmitBody(Guid? RecommendingUnitId, bool UnitIntegrityConfirmed);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/submit", async (Guid id, SubmitBody body, [FromHeader(Name = Idempotency.Header)] string? idempotencyKey,
                IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SubmitPreProposal(new ProposalId(id), body.RecommendingUnitId, body.UnitIntegrityConfirmed, idempotencyKey), ct);
                return result.Outcome == Outcome.Done
                    ? Results.Ok(result.Receipt)
                    : StateChangeProblems.For(l, result.Outcome, result.Errors);
            })
            .RequireAuthorization(Policies.LeadUnitAdmin)
            .WithName("SubmitPreProposal")
            .WithSummary("The lead unit submits a complete pre-proposal to one recommending unit inside PRE-WINDOW; the answer is the receipt")
            .WithDescription("Send an `Idempotency-Key` header (any unique string up to 200 characters): a retried request with the same key gets the same receipt; "
                + "the same key with a different body is refused with 422. Submitting an already submitted pre-proposal answers its receipt, never a second submission.")
            .Produces<ReceiptData>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media))
                {
                    media.Example = JsonNode.Parse("""{ "recommendingUnitId": "0193a5b2-7c1e-7d4f-9a3b-2c4d5e6f7a8b", "unitIntegrityConfirmed": true }""");
                }
                return Task.CompletedTask;
            });
}
