using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Eligibility;

// The demo call keeps its whole rule set here (SubmissionKit.OpenWindowAsync leaves the counting
// rules out for the submission-mechanics tests).
public static class EligibilityKit
{
    public static Task OpenWindowWithAllRulesAsync(this GrantPortalFactory app)
    {
        var now = app.Clock.GetUtcNow();
        return app.SetWindowAsync(now.AddDays(-1), BeijingTime.At(BeijingTime.Today(now).AddDays(30), new TimeOnly(16, 0)));
    }

    public static async Task<PreProposal> SubmitAsLeadAsync(this GrantPortalFactory app, Action<Proposals.DraftOptions>? options = null)
    {
        await app.OpenWindowWithAllRulesAsync();
        var p = await app.CompleteAsync(options);
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return p;
    }
}
