using GrantPortal.Domain.Applications;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;

namespace GrantPortal.Web.Features.Recommender.Inbox;

public static class InboxEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/inbox", async (Guid? callId, Guid? directionId, ApplicationState? state, Guid? leadUnitId, FindingsFilter? findings,
                IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListInbox(callId, directionId, state, leadUnitId, findings ?? FindingsFilter.All), ct)))
            .RequireAuthorization(Policies.RecommenderOfficer)
            .WithName("GetRecommenderInbox")
            .WithSummary("The applications addressed to the caller's recommending unit, once submitted, with filters and counts per state")
            .WithDescription("findings: All, Any (any eligibility finding), Review (review findings to judge), None. Each row carries the version to decide on.")
            .Produces<InboxData>();
}
