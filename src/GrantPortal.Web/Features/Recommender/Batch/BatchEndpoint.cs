using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Recommender.Batch;

public static class BatchEndpoint
{
    public sealed record SendBody(Guid CallId);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/batches", async (Guid? callId, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new GetBatches(callId), ct) is { } data ? Results.Ok(data) : StateChangeProblems.For(l, Outcome.NotFound, StateChangeResult.NotFound.Errors))
            .RequireAuthorization(Policies.RecommenderOfficer)
            .WithName("GetRecommendationBatches")
            .WithSummary("For one call (default: the latest addressed to the caller's unit): the deadline, the endorsed applications not sent yet, and the batches sent with their lists and hashes")
            .Produces<BatchesData>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/batches", async (SendBody body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SendBatch(new CallId(body.CallId)), ct);
                return result.Outcome == Outcome.Done
                    ? Results.Created($"/api/v1/recommendations/batches?callId={body.CallId}", result.Batch)
                    : StateChangeProblems.For(l, result.Outcome, result.Errors);
            })
            .RequireAuthorization(Policies.RecommenderOfficer)
            .WithName("SendRecommendationBatch")
            .WithSummary("Send the endorsed, not yet sent applications of a call to the Exchange Center, before the recommending units' deadline")
            .WithDescription("400 Recommendation.BatchEmpty when nothing is left to send, 400 Recommendation.DeadlinePassed after the deadline. The answer holds the canonical list and its SHA-256.")
            .Produces<BatchData>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
