namespace GrantPortal.Web.Features.PreProposals.Submit;

// /api/v1/pre-proposals/{id}/...: the lifecycle of a pre-proposal through the API, under the same
// role policies as the pages; each handler then checks the proposal itself (404 when not visible).
public static class SubmissionApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pre-proposals").WithTags("Pre-proposals: submission");
        Complete.CompleteEndpoint.Map(group);
        SubmitEndpoint.Map(group);
        RecommendingUnitsEndpoint.Map(group);
        Withdraw.WithdrawEndpoint.Map(group);
        Accept.AcceptEndpoint.Map(group);
        Receipt.ReceiptEndpoint.Map(group);
        History.HistoryEndpoint.Map(group);
    }
}
