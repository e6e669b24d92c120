using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Eligibility;

// Issue 5, point 3 and 8: the pre-check on the view and submit pages and
// GET /api/v1/applications/{id}/eligibility, for whoever may see the proposal.
public sealed class PreCheckTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private Task<PreProposal> DraftWithShortPiTimeAsync() =>
        app.DraftAsync(o => o.Configure = d => { d.PiMonthsPerYear = 4; d.Title = "预检草稿"; });

    [Fact]
    public async Task Api_ForThePi_ReturnsEveryFindingWithSeverityMessageAndLink()
    {
        var p = await DraftWithShortPiTimeAsync();
        var pi = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await pi.GetAsync($"/api/v1/applications/{p.Id}/eligibility?culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("blocking").GetBoolean());
        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        var time = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "PI-TIME");
        Assert.Equal(("Blocking", $"/PreProposals/Edit/{p.Id}#PiMonthsPerYear"), (time.GetProperty("severity").GetString(), time.GetProperty("href").GetString()));
        Assert.Contains("4", time.GetProperty("message").GetString());
        var proof = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "FOREIGN-COOPERATION-PROOF");
        Assert.Equal(("Review", $"/PreProposals/Attachments/{p.Id}#CooperationProof"), (proof.GetProperty("severity").GetString(), proof.GetProperty("href").GetString()));
        Assert.All(findings, f => Assert.DoesNotContain("[[", f.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Api_FindingsDisappearWhenTheDraftIsFixed()
    {
        var p = await DraftWithShortPiTimeAsync();
        await app.WithDbAsync(async db =>
        {
            var d = await db.PreProposals.FindAsync(p.Id);
            d!.PiMonthsPerYear = 6;
            await db.SaveChangesAsync();
        });
        var pi = await app.UserApiAsync(DemoUsers.Applicant);

        var body = await (await pi.GetAsync($"/api/v1/applications/{p.Id}/eligibility")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(body.GetProperty("blocking").GetBoolean());
        Assert.DoesNotContain(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "PI-TIME");
    }

    [Theory]
    [InlineData(DemoUsers.Applicant, HttpStatusCode.OK)]
    [InlineData(DemoUsers.LeadUnitAdmin, HttpStatusCode.OK)]
    [InlineData(DemoUsers.OtherApplicant, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Recommender, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Staff, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Expert, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Admin, HttpStatusCode.NotFound)]
    public async Task Api_OfADraft_OnlyThoseWhoSeeIt(string user, HttpStatusCode expected)
    {
        var p = await DraftWithShortPiTimeAsync();
        var client = await app.UserApiAsync(user);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/applications/{p.Id}/eligibility")).StatusCode);
    }

    [Fact]
    public async Task Api_Anonymous_Is401()
    {
        var p = await DraftWithShortPiTimeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/applications/{p.Id}/eligibility")).StatusCode);
    }

    [Fact]
    public async Task ViewPage_ShowsThePreCheckPanelWithLinks()
    {
        var p = await DraftWithShortPiTimeAsync();
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var html = await (await pi.GetAsync($"/PreProposals/View/{p.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("id=\"eligibility\"", html);
        Assert.Contains("data-rule=\"PI-TIME\"", html);
        Assert.Contains($"href=\"/PreProposals/Edit/{p.Id}#PiMonthsPerYear\"", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task SubmitPage_ShowsTheLeadUnitAdminThePreCheck()
    {
        await app.OpenWindowWithAllRulesAsync();
        var p = await app.CompleteAsync(o => o.Configure = d => { d.PiMonthsPerYear = 4; d.Title = "提交页预检"; });
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var html = await (await lead.GetAsync($"/PreProposals/Submit/{p.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("data-blocking=\"true\"", html);
        Assert.Contains("data-rule=\"PI-TIME\"", html);
        Assert.DoesNotContain("[[", html);
    }

    // Issue 5, point 4: review findings reach the recommending unit and the Exchange Center with
    // their evidence (the document to judge), never with links to pages only editors may open.
    [Fact]
    public async Task ViewPage_ForTheRecommenderAndTheExchangeCenter_ShowsReviewFindingsWithEvidence_NotFixLinks()
    {
        var (p, _) = await app.SubmittedAsync(o => o.Configure = d => d.Title = "推荐单位看到的形式审查问题");
        var recommender = await app.SignedInAsync(DemoUsers.Recommender);

        var html = await (await recommender.GetAsync($"/PreProposals/View/{p.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("data-finding=\"FOREIGN-COOPERATION-PROOF-REVIEW\" data-severity=\"Review\"", html);
        Assert.Contains($"href=\"/PreProposals/Attachments/{p.Id}#CooperationProof\" data-link=\"evidence\"", html);
        Assert.DoesNotContain("data-link=\"fix\"", html);
        Assert.DoesNotContain("/PreProposals/Edit/", html);
        Assert.DoesNotContain("[[", html);
        var page = await recommender.GetAsync($"/PreProposals/Attachments/{p.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the evidence link opens for the recommender

        await app.EndorseAndSendAsync(p.Id);
        var staff = await app.UserApiAsync(DemoUsers.Staff);
        var body = await (await staff.GetAsync($"/api/v1/applications/{p.Id}/eligibility")).Content.ReadFromJsonAsync<JsonElement>();
        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        var proof = Assert.Single(findings, f => f.GetProperty("code").GetString() == "FOREIGN-COOPERATION-PROOF-REVIEW");
        Assert.Equal($"/PreProposals/Attachments/{p.Id}#CooperationProof", proof.GetProperty("href").GetString());
        Assert.All(findings.Where(f => f.GetProperty("href").GetString() is { } h), f => Assert.DoesNotContain("/Edit/", f.GetProperty("href").GetString()));
    }
}
