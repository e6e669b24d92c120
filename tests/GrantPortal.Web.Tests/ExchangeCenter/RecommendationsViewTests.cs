using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Recommendations;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.ExchangeCenter;

// The Exchange Center's view of what the recommending units sent (issue 6, point 6), page and API.
// One arrangement for the class: the province (recommender@) endorsed and sent two applications in
// one batch and keeps a third (submitted, not decided); the association has one addressed to it and
// has sent nothing; the deadline is two days away.
public sealed class RecommendationsViewTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>, IAsyncLifetime
{
    private const string Url = "/ExchangeCenter/Recommendations";
    private const string Api = "/api/v1/exchange-center/recommendations";

    private sealed record Arrangement(PreProposal SentA, PreProposal SentB, PreProposal Kept, PreProposal AtAssociation, UnitId Province, UnitId Association, CallId Call);

    // xunit makes a new instance per test: the arrangement is made once per app (database).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GrantPortalFactory, Task<Arrangement>> Arranged = [];
    private static readonly Lock Gate = new();

    private Arrangement _a = null!;
    private PreProposal _sentA => _a.SentA;
    private PreProposal _sentB => _a.SentB;
    private PreProposal _kept => _a.Kept;
    private PreProposal _atAssociation => _a.AtAssociation;
    private UnitId _province => _a.Province;
    private UnitId _association => _a.Association;
    private CallId _call => _a.Call;

    public async Task InitializeAsync()
    {
        Task<Arrangement> task;
        lock (Gate) task = Arranged.GetValue(app, a => ArrangeAsync(a));
        _a = await task;
    }

    private static async Task<Arrangement> ArrangeAsync(GrantPortalFactory app)
    {
        var (sentA, _) = await app.SubmittedAsync(o => o.Configure = d => d.Title = "已报送甲");
        var (sentB, _) = await app.SubmittedAsync(o => o.Configure = d => d.Title = "已报送乙");
        var (kept, _) = await app.SubmittedAsync(o => o.Configure = d => d.Title = "推荐单位尚未报送");
        var province = await app.RecommenderUnitAsync();
        var association = await app.UnitIdAsync(SeedRegistry.AssociationCode);
        var atAssociation = await app.CompleteAsync(o => o.Configure = d => d.Title = "协会收到的申报");
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        Assert.Equal(HttpStatusCode.OK, (await lead.SubmitAsync(atAssociation.Id, association)).StatusCode);

        var officer = await app.UserApiAsync(DemoUsers.Recommender);
        Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, sentA.Id, "Endorse")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, sentB.Id, "Endorse")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.SendBatchAsync(sentA.CallId)).StatusCode);
        await app.SetDeadlineAsync(app.Clock.GetUtcNow().AddDays(2));
        return new Arrangement(sentA, sentB, kept, atAssociation, province, association, sentA.CallId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Page_ShowsWhatArrivedPerUnit_TheSilentUnitNearTheDeadlineFirst_WithCharts()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);

        var html = await (await staff.GetAsync($"{Url}?callId={_call}")).HtmlAsync();

        Assert.DoesNotContain("[[", html);
        Assert.Contains("id=\"count-at-risk\" data-count=\"1\"", html);
        Assert.Contains("id=\"at-risk-alert\"", html);
        Assert.Contains("id=\"count-sent\" data-count=\"2\"", html);
        Assert.Contains("id=\"deadline\" data-near=\"true\" data-passed=\"false\"", html);
        // The association (nothing sent, deadline near) is the first row; the province follows.
        var association = html.IndexOf($"<tr data-unit=\"{_association}\" data-at-risk=\"true\" data-not-sent=\"true\"", StringComparison.Ordinal);
        var province = html.IndexOf($"<tr data-unit=\"{_province}\" data-at-risk=\"false\" data-not-sent=\"false\"", StringComparison.Ordinal);
        Assert.True(association > 0 && province > association, $"association at {association}, province at {province}");
        var provinceRow = html[province..html.IndexOf("</tr>", province, StringComparison.Ordinal)];
        Assert.Contains("data-addressed=\"3\"", provinceRow);
        Assert.Contains("data-sent=\"2\"", provinceRow);
        Assert.Contains("data-count=\"2\"", provinceRow); // one batch of two
        var batchId = System.Text.RegularExpressions.Regex.Match(provinceRow, "data-batch=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.Contains($"href=\"/ExchangeCenter/BatchPrint/{batchId}/letter\"", provinceRow); // the printed letter and list of what arrived
        Assert.Contains($"href=\"/ExchangeCenter/BatchPrint/{batchId}/list\"", provinceRow);
        Assert.Contains("data-state=\"Endorsed\" data-count=\"2\"", provinceRow);
        // SVG charts per unit, per direction, per state, each with its data table.
        Assert.Contains("<title id=\"chart-units-title\">", html);
        Assert.Contains($"<g data-key=\"{_province}\" data-value=\"2\">", html);
        Assert.Contains($"<g data-key=\"{_association}\" data-value=\"0\">", html);
        Assert.Contains("<g data-key=\"Endorsed\" data-value=\"2\">", html);
        Assert.Contains("id=\"chart-directions-data\"", html);
        // Nothing of what the recommending units keep: no title, no id.
        Assert.DoesNotContain(_kept.Id.ToString(), html);
        Assert.DoesNotContain(_atAssociation.Id.ToString(), html);
        Assert.DoesNotContain("推荐单位尚未报送", html);
    }

    [Fact]
    public async Task Page_ForOneUnit_ListsTheApplicationsItSent_LinkedToTheirPages_WithCharts()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);

        var html = await (await staff.GetAsync($"{Url}?callId={_call}&unitId={_province}")).HtmlAsync();

        Assert.Contains($"id=\"unit-detail\" data-unit=\"{_province}\"", html);
        Assert.Contains($"href=\"/PreProposals/View/{_sentA.Id}\"", html);
        Assert.Contains($"href=\"/PreProposals/View/{_sentB.Id}\"", html);
        Assert.DoesNotContain(_kept.Id.ToString(), html);
        Assert.Contains("id=\"chart-unit-directions\"", html);
        Assert.Contains("<g data-key=\"Endorsed\" data-value=\"2\">", html[html.IndexOf("chart-unit-states", StringComparison.Ordinal)..]);
        // The link opens: the Exchange Center sees what was sent.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/PreProposals/View/{_sentA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/PreProposals/View/{_kept.Id}")).StatusCode);
    }

    [Fact]
    public async Task Page_WithTheDeadlineFarAway_FlagsNobody_UntilTheWarningWindowReachesIt()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);

        var narrow = await (await staff.GetAsync($"{Url}?callId={_call}&warnDays=1")).HtmlAsync();
        var wide = await (await staff.GetAsync($"{Url}?callId={_call}&warnDays=2")).HtmlAsync();

        Assert.Contains("id=\"count-at-risk\" data-count=\"0\"", narrow);
        Assert.DoesNotContain("id=\"at-risk-alert\"", narrow);
        Assert.Contains($"<tr data-unit=\"{_association}\" data-at-risk=\"false\" data-not-sent=\"true\"", narrow);
        Assert.Contains("id=\"count-at-risk\" data-count=\"1\"", wide);
    }

    [Fact]
    public async Task Page_WithBadWarnDays_ShowsTheErrorBesideTheField_AndKeepsWhatWasTyped()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);

        var html = await (await staff.GetAsync($"{Url}?callId={_call}&warnDays=abc")).HtmlAsync();

        Assert.Contains("id=\"error-summary\"", html);
        Assert.Contains("href=\"#WarnDays\"", html);
        Assert.Contains("<div class=\"text-danger\" id=\"WarnDays-error\"><span data-code=\"EcRecommendations.WarnDaysRange\">", html);
        Assert.Contains("value=\"abc\"", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Api_GivesTheSameFigures()
    {
        var staff = await app.UserApiAsync(DemoUsers.Staff);

        var body = await (await staff.GetAsync($"{Api}?callId={_call}&unitId={_province}")).JsonAsync();

        Assert.Equal(1, body.GetProperty("atRiskCount").GetInt32());
        Assert.Equal(2, body.GetProperty("sentTotal").GetInt32());
        var units = body.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(_association.Value, units[0].GetProperty("unitId").GetGuid());
        Assert.True(units[0].GetProperty("atRisk").GetBoolean());
        var province = units.Single(u => u.GetProperty("unitId").GetGuid() == _province.Value);
        Assert.Equal(3, province.GetProperty("addressed").GetInt32());
        Assert.Equal(2, Assert.Single(province.GetProperty("batches").EnumerateArray()).GetProperty("count").GetInt32());
        Assert.Equal(2, Assert.Single(province.GetProperty("perState").EnumerateArray(), s => s.GetProperty("key").GetString() == "Endorsed").GetProperty("count").GetInt32());
        Assert.Equal(2, body.GetProperty("perDirection").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        var ids = body.GetProperty("applications").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal([_sentA.Id.Value, _sentB.Id.Value], ids.Order());
    }

    [Fact]
    public async Task Api_BadInput_Is400WithTheCode_UnknownCallOrUnitIs404()
    {
        var staff = await app.UserApiAsync(DemoUsers.Staff);

        var bad = await staff.GetAsync($"{Api}?callId={_call}&warnDays=61");
        var call = await staff.GetAsync($"{Api}?callId={Guid.NewGuid()}");
        var unit = await staff.GetAsync($"{Api}?callId={_call}&unitId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["EcRecommendations.WarnDaysRange"], await bad.ErrorCodesAsync());
        Assert.Equal(HttpStatusCode.NotFound, call.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unit.StatusCode);
    }

    public static TheoryData<string> Others => new()
        { DemoUsers.Admin, DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Expert };

    [Theory]
    [MemberData(nameof(Others))]
    public async Task PageAndApi_ForOtherRoles_AreRefused(string email)
    {
        var page = await (await app.SignedInAsync(email)).GetAsync(Url);
        var api = await (await app.UserApiAsync(email)).GetAsync(Api);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task PageAndApi_ForStaff_AreOpenInBothLanguages_LinkedFromHome_AnonymousIsRefused()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Contains("href=\"/ExchangeCenter/Recommendations\"", await (await staff.GetAsync("/ExchangeCenter")).HtmlAsync());
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var page = await staff.GetAsync($"{Url}?culture={culture}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("[[", await page.HtmlAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await (await app.UserApiAsync(DemoUsers.Staff)).GetAsync(Api)).StatusCode);

        var anonymousPage = await app.CreateBrowser().GetAsync(Url);
        var anonymousApi = await app.CreateClient().GetAsync(Api);

        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.StartsWith("/Accounts/Login", anonymousPage.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
    }

    [Fact]
    public async Task SentAt_IsSetOnWhatWasSent_AndOnlyOnThat()
    {
        var stored = await app.ReloadAsync(_sentA.Id);
        var batchAt = await app.WithDbAsync(db => db.RecommendationBatches.Where(b => b.CallId == _call).Select(b => b.SentAt).SingleAsync());

        Assert.Equal(batchAt, stored.SentAt);
        Assert.Null((await app.ReloadAsync(_kept.Id)).SentAt);
        Assert.Equal(ApplicationState.Endorsed, stored.State);
    }
}
