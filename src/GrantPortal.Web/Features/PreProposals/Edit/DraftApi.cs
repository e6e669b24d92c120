namespace GrantPortal.Web.Features.PreProposals.Edit;

// /api/v1/pre-proposals: start, list, read and save drafts (issue 4, point 9, the draft's part).
public static class DraftApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pre-proposals").WithTags("Pre-proposals");
        Start.StartDraftEndpoint.Map(group);
        Applicant.ListMyApplicationsEndpoint.Map(group);
        SaveDraftEndpoint.Map(group);
    }
}
