using System.Net;
using System.Net.Http.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Recommendations;

// The three decisions (issue 6, point 3): recorded in the timeline with who, when and why, told to
// the lead unit and the PI by mail; a reason where one is required; two officers at once.
public sealed class DecisionTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOfficersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Endorse_ThroughTheApi_RecordsTheTransitionAndMailsLeadUnitAndPi()
    {
        var (p, _) = await app.SubmittedAsync(o => o.Configure = x => x.Title = "推荐邮件测试");
        var officer = await app.UserApiAsync(DemoUsers.Recommender);

        var response = await officer.DecideAsync(app, p.Id, "Endorse");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("Endorsed", (await response.JsonAsync()).GetProperty("state").GetString());
        var last = (await app.TransitionsAsync(p.Id)).Last();
        Assert.Equal((ApplicationState.Submitted, ApplicationState.Endorsed, "Transition.Endorsed", "赵敏"), (last.From, last.To, last.Reason, last.ByName));
        var mailed = await app.OutboxToAsync("推荐邮件测试");
        Assert.Contains(DemoUsers.LeadUnitAdmin, mailed);
        Assert.Contains(DemoUsers.Applicant, mailed);
    }

    [Fact]
    public async Task Return_WithReason_ThenTheLeadUnitFixesAndResubmits_HistoryKeepsBothRounds()
    {
        var (p, receipt) = await app.SubmittedAsync();
        var officer = await app.UserApiAsync(DemoUsers.Recommender);
        var returned = await officer.DecideAsync(app, p.Id, "Return", "请补充外方合作证明");
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        // The applicant sees the reason in the timeline.
        var pi = await app.UserApiAsync(DemoUsers.Applicant);
        var history = await (await pi.GetAsync($"/api/v1/pre-proposals/{p.Id}/history")).JsonAsync();
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("to").GetString() == "Returned" && h.GetProperty("reason").GetString() == "请补充外方合作证明");

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(DemoUsers.Applicant)).PostFormAsync($"/PreProposals/Complete/{p.Id}?handler=Reopen", new Dictionary<string, string>(), $"/PreProposals/View/{p.Id}")).StatusCode is HttpStatusCode.Redirect ? HttpStatusCode.OK : HttpStatusCode.BadRequest);
        Assert.Equal(ApplicationState.Draft, (await app.ReloadAsync(p.Id)).State);
        Assert.Equal(HttpStatusCode.OK, (await pi.PostAsync($"/api/v1/pre-proposals/{p.Id}/complete", null)).StatusCode);
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var resubmitted = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.NotEqual(receipt.GetProperty("submissionNumber").GetString(), (await resubmitted.JsonAsync()).GetProperty("submissionNumber").GetString());

        var states = (await app.TransitionsAsync(p.Id)).Select(t => t.To).ToList();
        Assert.Equal([ApplicationState.Submitted, ApplicationState.Returned, ApplicationState.Draft, ApplicationState.Complete, ApplicationState.Submitted], states);
        Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, p.Id, "Endorse")).StatusCode);
    }

    [Fact]
    public async Task Decline_WithReason_IsNotEndorsed_AndMailsTheReason()
    {
        var (p, _) = await app.SubmittedAsync(o => o.Configure = x => x.Title = "不予推荐测试");
        var officer = await app.UserApiAsync(DemoUsers.Recommender);

        var response = await officer.DecideAsync(app, p.Id, "Decline", "不符合本地区重点支持方向");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApplicationState.NotEndorsed, (await app.ReloadAsync(p.Id)).State);
        var bodies = await app.WithDbAsync(db => db.Outbox.Where(m => m.Subject.Contains("不予推荐测试")).Select(m => m.TextBody).ToListAsync());
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.Contains("不符合本地区重点支持方向", b));
    }

    [Theory]
    [InlineData("Return")]
    [InlineData("Decline")]
    public async Task ReturnOrDecline_WithoutReason_IsRefusedWithReasonRequired_NothingChanges(string decision)
    {
        var (p, _) = await app.SubmittedAsync();
        var officer = await app.UserApiAsync(DemoUsers.Recommender);

        var response = await officer.DecideAsync(app, p.Id, decision, "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Recommendation.ReasonRequired"], await response.ErrorCodesAsync());
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task ReviewPage_ReturnWithoutReason_ShowsTheErrorBesideTheField_AndKeepsTheChoice()
    {
        var (p, _) = await app.SubmittedAsync();
        var client = await app.SignedInAsync(DemoUsers.Recommender);

        var response = await client.PostFormAsync($"/Recommender/Review/{p.Id}", new Dictionary<string, string>
        {
            ["Decision"] = "Return", ["Reason"] = "", ["Version"] = (await app.VersionAsync(p.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("id=\"Reason-error\" data-code=\"Recommendation.ReasonRequired\"", html);
        Assert.Contains("id=\"error-summary\"", html);
        Assert.Contains("id=\"Decision-Return\" value=\"Return\" checked=\"checked\"", html);
        Assert.DoesNotContain("[[", html);
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task ReviewPage_Endorse_RedirectsAndShowsTheNewState()
    {
        var (p, _) = await app.SubmittedAsync();
        var client = await app.SignedInAsync(DemoUsers.Recommender);
        var form = await (await client.GetAsync($"/Recommender/Review/{p.Id}")).HtmlAsync();
        Assert.Contains("id=\"eligibility\"", form);
        Assert.Contains("id=\"history\"", form);
        Assert.Contains("id=\"attachments\"", form);

        var response = await client.PostFormAsync($"/Recommender/Review/{p.Id}", new Dictionary<string, string>
        {
            ["Decision"] = "Endorse", ["Version"] = (await app.VersionAsync(p.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await client.GetAsync(response.Headers.Location)).HtmlAsync();
        Assert.Contains("data-state=\"Endorsed\"", html);
    }

    [Fact]
    public async Task TwoOfficers_SameVersion_OneWins_TheOtherGetsAConflict_NothingOverwritten()
    {
        var (p, _) = await app.SubmittedAsync();
        var version = await app.VersionAsync(p.Id);
        var first = await app.UserApiAsync(DemoUsers.Recommender);
        var second = await app.UserApiAsync(RecommendationKit.SecondOfficer);

        var endorsed = await first.DecideAsync(app, p.Id, "Endorse", version: version);
        var declined = await second.DecideAsync(app, p.Id, "Decline", "不推荐", version);

        Assert.Equal(HttpStatusCode.OK, endorsed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, declined.StatusCode);
        var problem = await declined.JsonAsync();
        Assert.Equal(["Recommendation.Conflict"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.Equal("Endorsed", problem.GetProperty("current").GetProperty("state").GetString());
        Assert.Equal(ApplicationState.Endorsed, (await app.ReloadAsync(p.Id)).State);
        Assert.Single(await app.TransitionsAsync(p.Id), t => t.To is ApplicationState.Endorsed or ApplicationState.NotEndorsed);
    }

    [Fact]
    public async Task TwoOfficers_AtTheSameInstant_ExactlyOneDecides()
    {
        var (p, _) = await app.SubmittedAsync();
        var version = await app.VersionAsync(p.Id);
        var clients = new[] { await app.UserApiAsync(DemoUsers.Recommender), await app.UserApiAsync(RecommendationKit.SecondOfficer) };

        var responses = await Task.WhenAll(
            clients[0].DecideAsync(app, p.Id, "Endorse", version: version),
            clients[1].DecideAsync(app, p.Id, "Return", "补充材料", version));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Single(await app.TransitionsAsync(p.Id), t => t.From == ApplicationState.Submitted);
    }

    [Fact]
    public async Task ReviewPage_StaleVersion_ShowsBothDecisions_KeepsTheUsersInput()
    {
        var (p, _) = await app.SubmittedAsync();
        var stale = await app.VersionAsync(p.Id);
        Assert.Equal(HttpStatusCode.OK, (await (await app.UserApiAsync(RecommendationKit.SecondOfficer)).DecideAsync(app, p.Id, "Endorse")).StatusCode);
        var client = await app.SignedInAsync(DemoUsers.Recommender);

        var response = await client.PostFormAsync($"/Recommender/Review/{p.Id}", new Dictionary<string, string>
        {
            ["Decision"] = "Decline", ["Reason"] = "我的理由", ["Version"] = stale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var html = await response.HtmlAsync();
        Assert.Contains("id=\"conflict\"", html);
        Assert.Contains("id=\"conflict-stored\" data-state=\"Endorsed\"", html);
        Assert.Contains("我的理由</textarea>", html);
        Assert.Contains("data-code=\"Recommendation.Conflict\"", html);
        Assert.Equal(ApplicationState.Endorsed, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Selection_DecidesEachOnItsOwn_ReportsTheStaleOne()
    {
        var (a, _) = await app.SubmittedAsync();
        var (b, _) = await app.SubmittedAsync();
        var staleB = await app.VersionAsync(b.Id);
        Assert.Equal(HttpStatusCode.OK, (await (await app.UserApiAsync(RecommendationKit.SecondOfficer)).DecideAsync(app, b.Id, "Endorse")).StatusCode);
        var officer = await app.UserApiAsync(DemoUsers.Recommender);

        var response = await officer.PostAsJsonAsync("/api/v1/recommendations/decisions", new
        {
            decision = "Endorse",
            items = new[] { new { id = a.Id.Value, version = await app.VersionAsync(a.Id) }, new { id = b.Id.Value, version = staleB } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync()).EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("status").GetInt32());
        Assert.Equal(200, items[a.Id.Value]);
        Assert.Equal(409, items[b.Id.Value]);
        Assert.Equal(ApplicationState.Endorsed, (await app.ReloadAsync(a.Id)).State);
    }

    [Fact]
    public async Task InboxPage_SelectionReturn_WithoutReason_RefusesAll_WithReasonRequired()
    {
        var (a, _) = await app.SubmittedAsync();
        var client = await app.SignedInAsync(DemoUsers.Recommender);
        var version = await app.VersionAsync(a.Id);

        var refused = await client.PostFormAsync("/Recommender/Inbox?handler=Decide", new Dictionary<string, string>
        {
            ["Selected"] = $"{a.Id}:{version}", ["Decision"] = "Return", ["Reason"] = "",
        }, "/Recommender/Inbox");
        var html = await refused.HtmlAsync();
        Assert.Contains("id=\"Reason-error\" data-code=\"Recommendation.ReasonRequired\"", html);
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(a.Id)).State);

        var done = await client.PostFormAsync("/Recommender/Inbox?handler=Decide", new Dictionary<string, string>
        {
            ["Selected"] = $"{a.Id}:{version}", ["Decision"] = "Return", ["Reason"] = "请完善技术路线",
        }, "/Recommender/Inbox");
        Assert.Contains("id=\"decision-results\"", await done.HtmlAsync());
        Assert.Equal(ApplicationState.Returned, (await app.ReloadAsync(a.Id)).State);
    }

    [Fact]
    public async Task OfficerOfAnotherUnit_GetsNotFound_AndNothingChanges()
    {
        var (p, _) = await app.SubmittedAsync();
        var other = await app.UserApiAsync(RecommendationKit.MinistryOfficer);

        var response = await other.DecideAsync(app, p.Id, "Endorse");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }
}
