using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.ExchangeCenter.Recommendations;

// GET /api/v1/exchange-center/recommendations: the same figures as the page, for Exchange Center staff.
public static class RecommendationsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/exchange-center/recommendations", async (Guid? callId, Guid? unitId, int? warnDays, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new GetRecommendations(callId, unitId, warnDays), ct);
                return result.Outcome == Outcome.Done ? Results.Ok(result.Data) : StateChangeProblems.For(l, result.Outcome, result.Errors);
            })
            .RequireAuthorization(Policies.ExchangeCenterStaff)
            .WithTags("Exchange Center")
            .WithName("GetArrivedRecommendations")
            .WithSummary("Per recommending unit of a call: the batches that arrived and when, the counts per guide direction and per state of what was sent, and the units that have sent nothing as their deadline nears")
            .WithDescription("callId: default the call whose recommending units' deadline comes next. unitId: also that unit's applications. warnDays (0-60, default 3): how close to the deadline a unit that has sent nothing is flagged (atRisk). 400 EcRecommendations.WarnDaysRange; 404 for an unknown call or a unit with nothing addressed or sent in the call.")
            .Produces<RecommendationsData>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
