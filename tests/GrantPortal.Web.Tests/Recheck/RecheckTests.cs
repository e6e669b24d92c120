using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Recheck;

// Issue 5, point 7: the Exchange Center re-checks every submitted application of a call after the
// registry of ongoing projects changed, and sees which ones changed verdict and why.
public sealed partial class RecheckTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    // 陈静 of the demo registry (SeedRegistry), by identity document: the PI of the second application.
    private const string OtherPi = "11010819800101";
    private const string Rule = "PI-NO-ONGOING-LEAD";

    [Fact]
    public async Task Recheck_AfterTheRegistryGivesAPiAnOngoingLead_ShowsExactlyThatApplicationChangedWithThatRule()
    {
        var (a, _) = await app.SubmittedAsync(o => o.Configure = d => d.Title = "重新审查甲");
        var otherPi = await app.WithDbAsync(db => db.People.Where(x => x.DocumentNumber.StartsWith(OtherPi)).Select(x => x.Id).SingleAsync());
        var (b, _) = await app.SubmittedAsync(o => o.Configure = d =>
        {
            d.Title = "重新审查乙"; d.PiPersonId = otherPi;
            d.Members.RemoveAll(m => m.Role == MemberRole.KeyMember);
        });
        await app.EndorseAndSendAsync(a.Id);
        await app.EndorseAndSendAsync(b.Id);
        // Same PI as the first, but still at the recommending unit (not sent): not the Exchange Center's to re-check.
        var (notSent, _) = await app.SubmittedAsync(o => o.Configure = d => d.Title = "重新审查丙");
        var ongoing = await app.WithDbAsync(async db =>
        {
            var pi = await db.People.SingleAsync(x => x.Id == a.PiPersonId);
            var project = new OngoingProject
            {
                Programme = Programme.NationalKeyRd, ProjectCode = "2024YFE0199900", ProjectTitle = "在研示例",
                DocumentType = pi.DocumentType, DocumentNumber = pi.DocumentNumber, PersonName = pi.Name,
                Role = OngoingRole.TaskLeader, StartsOn = new DateOnly(2024, 1, 1),
                OriginalEndsOn = new DateOnly(2028, 12, 31), EndsOn = new DateOnly(2028, 12, 31),
            };
            db.OngoingProjects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        var staff = await app.SignedInAsync(DemoUsers.Staff);

        // First run: no previous run, so compared with what submission guaranteed (no blocking finding).
        var html = await RunAsync(staff);

        Assert.Equal("", Baseline(html));
        var change = Assert.Single(Changes(html));
        Assert.Equal(a.Id.ToString(), change.Proposal);
        Assert.Equal([Rule], change.Added);
        Assert.Empty(change.Removed);
        Assert.DoesNotContain(b.Id.ToString(), html[html.IndexOf("recheck-changes", StringComparison.Ordinal)..html.IndexOf("chart-rules", StringComparison.Ordinal)]);
        Assert.DoesNotContain(notSent.Id.ToString(), html);
        Assert.Contains("<svg", html);
        Assert.Contains("<title id=\"chart-rules-title\">", html);
        Assert.Contains("<title id=\"chart-directions-title\">", html);
        Assert.DoesNotContain("[[", html);

        // The counts per rule and per direction are those of the eligibility check of both applications.
        var expected = new List<string>();
        var pi = await app.UserApiAsync(DemoUsers.Applicant);
        foreach (var id in new[] { a.Id, b.Id })
        {
            var body = await pi.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/eligibility");
            expected.AddRange(body.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!));
        }
        var perRule = Counts(html, "chart-rules-data");
        Assert.Equal(expected.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count()), perRule);
        Assert.Equal(1, perRule[Rule]);
        Assert.Equal(new Dictionary<string, int> { [a.DirectionId.ToString()] = expected.Count }, Counts(html, "chart-directions-data"));
        Assert.Equal(perRule, Counts(html, "chart-rules", svg: true));

        // Second run, nothing changed since: compared with the first run, no application changed.
        html = await RunAsync(staff);
        Assert.NotEqual("", Baseline(html));
        Assert.Empty(Changes(html));
        Assert.Contains("id=\"recheck-no-change\"", html);

        // The registry record goes away: the finding is removed.
        await app.WithDbAsync(db => db.OngoingProjects.Where(o => o.Id == ongoing).ExecuteDeleteAsync());
        html = await RunAsync(staff);
        change = Assert.Single(Changes(html));
        Assert.Equal(a.Id.ToString(), change.Proposal);
        Assert.Empty(change.Added);
        Assert.Equal([Rule], change.Removed);
    }

    [Fact]
    public async Task Start_WithoutAnExistingCall_ShowsTheFieldError()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.PostFormAsync("/ExchangeCenter/Recheck", new Dictionary<string, string> { ["CallId"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("RECHECK-CALL-REQUIRED", SubmissionKit.DataCodes(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/ExchangeCenter/Recheck?job={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/ExchangeCenter/Recheck?handler=Status&job={Guid.NewGuid()}")).StatusCode);
    }

    public static TheoryData<string> Others => new()
    {
        DemoUsers.Admin, DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Expert,
    };

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Page_ForOtherRoles_IsRefused(string email)
    {
        var client = await app.SignedInAsync(email);
        foreach (var path in new[] { "/ExchangeCenter/Recheck", $"/ExchangeCenter/Recheck?handler=Status&job={Guid.NewGuid()}" })
        {
            var get = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", get.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Page_ForStaff_IsOpenInBothLanguagesAndLinkedFromHome_AnonymousIsSentToSignIn()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var response = await staff.GetAsync("/ExchangeCenter/Recheck?culture=" + culture);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("id=\"recheck-form\"", html);
            Assert.DoesNotContain("[[", html);
        }
        Assert.Contains("id=\"link-recheck\"", await (await staff.GetAsync("/ExchangeCenter")).Content.ReadAsStringAsync());

        var get = await app.CreateBrowser().GetAsync("/ExchangeCenter/Recheck");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Accounts/Login", get.Headers.Location!.PathAndQuery);
    }

    // Starts a run of the demo call through the page, polls the JSON status until done, returns the result page.
    private async Task<string> RunAsync(HttpClient staff)
    {
        var call = await app.WithDbAsync(db => db.Calls.Where(c => c.Code == SeedCalls.CodeDemo).Select(c => c.Id).SingleAsync());
        var started = await staff.PostFormAsync("/ExchangeCenter/Recheck", new Dictionary<string, string> { ["CallId"] = call.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var job = location[(location.IndexOf("job=", StringComparison.Ordinal) + 4)..];
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var status = await staff.GetFromJsonAsync<JsonElement>($"/ExchangeCenter/Recheck?handler=Status&job={job}");
            var state = status.GetProperty("state").GetString();
            if (state == "Done")
            {
                Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("done").GetInt32());
                break;
            }
            Assert.NotEqual("Failed", state);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the re-check did not finish");
            await Task.Delay(100);
        }
        var page = await staff.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    private sealed record Change(string Proposal, string[] Added, string[] Removed);

    private static List<Change> Changes(string html) =>
        [.. ChangeRow().Matches(html).Select(m => new Change(
            m.Groups[1].Value,
            [.. Added().Matches(m.Groups[2].Value).Select(x => x.Groups[1].Value)],
            [.. Removed().Matches(m.Groups[2].Value).Select(x => x.Groups[1].Value)]))];

    private static string Baseline(string html) => BaselineAttr().Match(html).Groups[1].Value;

    // The rows of a chart's data table, or the bars of its SVG.
    private static Dictionary<string, int> Counts(string html, string id, bool svg = false)
    {
        var start = html.IndexOf(svg ? $"<figure class=\"mb-4\" id=\"{id}\"" : $"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, id);
        var end = html.IndexOf(svg ? "</svg>" : "</table>", start, StringComparison.Ordinal);
        return KeyValue().Matches(html[start..end]).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
    }

    [GeneratedRegex("<tr data-proposal=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex ChangeRow();

    [GeneratedRegex("data-added=\"([^\"]+)\"")]
    private static partial Regex Added();

    [GeneratedRegex("data-removed=\"([^\"]+)\"")]
    private static partial Regex Removed();

    [GeneratedRegex("id=\"recheck-baseline\" data-previous=\"([^\"]*)\"")]
    private static partial Regex BaselineAttr();

    [GeneratedRegex("data-key=\"([^\"]+)\" data-value=\"(\\d+)\"")]
    private static partial Regex KeyValue();
}
