namespace GrantPortal.Web.Features.Recommender;

// /api/v1/recommendations/...: the officer's inbox, decisions and batches through the API, under
// the RecommenderOfficer policy; every handler then narrows to what is addressed to the caller's
// unit (404 otherwise).
public static class RecommenderApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/recommendations").WithTags("Recommendations");
        Inbox.InboxEndpoint.Map(group);
        Review.ReviewEndpoint.Map(group);
        Decide.DecideEndpoint.Map(group);
        Batch.BatchEndpoint.Map(group);
        Print.PrintEndpoint.Map(group);
    }
}
