using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Submission;

// An applicant or lead-unit administrator of another unit learns nothing: 404 on every page and
// endpoint of the application, whatever its state.
public sealed class AccessTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task OtherUnitsApplicantAndLeadAdmin_Get404OnEveryPageAndEndpoint()
    {
        var (p, _) = await app.SubmittedAsync();
        var complete = await app.CompleteAsync();
        await app.EnsureOtherLeadAdminAsync();

        var pi2 = await app.SignedInAsync(DemoUsers.OtherApplicant);
        var lead2 = await app.SignedInAsync(SubmissionKit.OtherLeadAdmin);
        foreach (var url in new[] { $"/PreProposals/View/{p.Id}", $"/PreProposals/Receipt/{p.Id}", $"/PreProposals/View/{complete.Id}", $"/PreProposals/Complete/{complete.Id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await pi2.GetAsync(url)).StatusCode);
        foreach (var url in new[] { $"/PreProposals/View/{p.Id}", $"/PreProposals/Receipt/{p.Id}", $"/PreProposals/Submit/{complete.Id}", $"/PreProposals/Withdraw/{p.Id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await lead2.GetAsync(url)).StatusCode);
        var lead2Post = await lead2.PostFormAsync($"/PreProposals/Submit/{complete.Id}", new Dictionary<string, string>
        {
            ["RecommendingUnitId"] = (await app.RecommenderUnitAsync()).ToString(), ["UnitIntegrityConfirmed"] = "true",
        }, formUrl: "/LeadUnit");
        Assert.Equal(HttpStatusCode.NotFound, lead2Post.StatusCode);

        var pi2Api = await app.UserApiAsync(DemoUsers.OtherApplicant);
        var lead2Api = await app.UserApiAsync(SubmissionKit.OtherLeadAdmin);
        var otherUnitClient = await app.ApiClientAsync([Roles.LeadUnitAdmin], await app.UnitIdAsync(SeedRegistry.SecondUniversityCode));
        foreach (var client in new[] { pi2Api, lead2Api, otherUnitClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/pre-proposals/{p.Id}/receipt")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/pre-proposals/{p.Id}/history")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await pi2Api.PostAsync($"/api/v1/pre-proposals/{complete.Id}/reopen", null)).StatusCode);
        foreach (var client in new[] { lead2Api, otherUnitClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(complete.Id, await app.RecommenderUnitAsync())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/pre-proposals/{p.Id}/withdraw", null)).StatusCode);
        }
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(complete.Id)).State);
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task UnknownId_Is404_LikeAnInvisibleOne()
    {
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var id = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/pre-proposals/{id}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsync($"/api/v1/pre-proposals/{id}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(DemoUsers.LeadUnitAdmin)).GetAsync($"/PreProposals/View/{id}")).StatusCode);
    }

    [Fact]
    public async Task ApiClientOfTheLeadUnit_CanSubmit()
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync();
        var client = await app.ApiClientAsync([Roles.LeadUnitAdmin], p.LeadUnitId);

        var response = await client.SubmitAsync(p.Id, await app.RecommenderUnitAsync(), key: "client-" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }
}
