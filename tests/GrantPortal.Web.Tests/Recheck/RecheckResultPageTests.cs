using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Recheck;

// The result page of a large run: changed verdicts first, filters by rule, direction and changed/all,
// 100 rows a page; the charts count the whole run.
public sealed partial class RecheckResultPageTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private const int Blocked = 105;   // direction 1, no IP agreement: DOC-IP-AGREEMENT (blocking)
    private const int Clean = 30;      // direction 2, nothing blocking

    [Fact]
    public async Task ResultPage_OfALargeRun_ListsChangedFirstFiltersAndPagesWhileChartsCountTheWholeRun()
    {
        var (blocked, clean, direction2) = await SeedAsync();
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        var job = await RunAsync(staff);

        // Default: only the changed verdicts, 100 a page; the charts count every application.
        var page1 = await GetAsync(staff, $"?job={job}");
        Assert.Equal(Blocked, int.Parse(Attr(page1, "data-total")));
        Assert.Equal("2", Attr(page1, "data-pages"));
        var rows1 = Rows(page1);
        Assert.Equal(100, rows1.Count);
        Assert.All(rows1, r => Assert.Contains(r, blocked));
        Assert.DoesNotContain("data-unchanged", page1);
        Assert.Equal(Blocked, Counts(page1, "chart-rules-data")["DOC-IP-AGREEMENT"]);
        Assert.Contains($"href=\"/ExchangeCenter/Recheck?job={job}&amp;pageNumber=2\"", page1);
        var page2 = await GetAsync(staff, $"?job={job}&pageNumber=2");
        var rows2 = Rows(page2);
        Assert.Equal(Blocked - 100, rows2.Count);
        Assert.Equal(blocked.Order(), rows1.Concat(rows2).Order());
        // Out of range: the nearest page.
        Assert.Equal(rows2, Rows(await GetAsync(staff, $"?job={job}&pageNumber=99")));
        Assert.Equal(rows1, Rows(await GetAsync(staff, $"?job={job}&pageNumber=0")));

        // All applications: the changed ones first, then the unchanged ones, with their current findings.
        var all = new List<string>();
        for (var n = 1; n <= 2; n++)
        {
            var html = await GetAsync(staff, $"?job={job}&show=all&pageNumber={n}");
            Assert.Equal(Blocked + Clean, int.Parse(Attr(html, "data-total")));
            all.AddRange(Rows(html));
        }
        Assert.Equal(blocked.Order(), all.Take(Blocked).Order());
        Assert.Equal(clean.Order(), all.Skip(Blocked).Order());

        // By rule: the rule's applications only, changed or not.
        var byRule = await GetAsync(staff, $"?job={job}&show=all&rule=DOC-IP-AGREEMENT");
        Assert.Equal(Blocked, int.Parse(Attr(byRule, "data-total")));
        Assert.Equal("selected", SelectedRule().Match(byRule).Groups[1].Value);
        var none = await GetAsync(staff, $"?job={job}&rule=PI-AGE");
        Assert.Contains("id=\"recheck-no-rows\"", none);

        // By direction: direction 2 has no changed verdict, and all of its applications when asked.
        Assert.Contains("id=\"recheck-no-rows\"", await GetAsync(staff, $"?job={job}&direction={direction2}"));
        var dir2 = await GetAsync(staff, $"?job={job}&direction={direction2}&show=all");
        Assert.Equal(clean.Order(), Rows(dir2).Order());
        Assert.Equal(Clean, Regex.Matches(dir2, "data-unchanged=\"true\"").Count);
        Assert.DoesNotContain("[[", dir2);
        Assert.Equal(Blocked, Counts(dir2, "chart-rules-data")["DOC-IP-AGREEMENT"]);
        Assert.DoesNotContain("id=\"recheck-pages\"", dir2);
    }

    private async Task<string> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/ExchangeCenter/Recheck" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

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
            if (state == "Done") return job;
            Assert.NotEqual("Failed", state);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the re-check did not finish");
            await Task.Delay(100);
        }
    }

    private async Task<(List<string> Blocked, List<string> Clean, DirectionId Direction2)> SeedAsync() => await app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        var call = await db.Calls.Include(c => c.Directions).SingleAsync(c => c.Code == SeedCalls.CodeDemo);
        var directions = call.Directions.OrderBy(d => d.SortOrder).ToList();
        var units = await db.Units.ToListAsync();
        var lead = units.Single(u => u.SocialCreditCode == SeedRegistry.UniversityCode);
        var province = units.Single(u => u.SocialCreditCode == SeedRegistry.ProvinceCode);
        var foreignLead = await db.People.SingleAsync(x => x.DocumentNumber == "C01X00T47");
        var owner = await db.Users.SingleAsync(u => u.Email == DemoUsers.Applicant);
        var blocked = new List<string>();
        var clean = new List<string>();
        var proposals = new List<PreProposal>();
        for (var i = 0; i < Blocked + Clean; i++)
        {
            var direction = i < Blocked ? directions[0] : directions[1];
            var pi = new Person
            {
                DocumentType = IdentityDocumentType.ResidentIdCard, DocumentNumber = SeedRegistry.Rid($"44010619800101{i:D3}"), Name = $"负责人{i}",
                BirthDate = new DateOnly(1980, 1, 1), Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Nationality = "CN", UnitId = lead.Id,
            };
            db.People.Add(pi);
            var p = new PreProposal
            {
                CallId = call.Id, DirectionId = direction.Id, LeadUnitId = lead.Id, OwnerUserId = owner.Id, Title = $"分页示例 {i}", PiPersonId = pi.Id,
                PiMonthsPerYear = 8, DurationMonths = 36, RequestedBudget = 300m, State = ApplicationState.Endorsed, CreatedAt = now, UpdatedAt = now,
                // Endorsed and sent by the recommending unit: what the Exchange Center re-checks.
                RecommendingUnitId = province.Id, SubmittedAt = now.AddSeconds(i), SentAt = now.AddMinutes(1), SubmissionNumber = $"DEMO-P{i:D4}", SubmittedContent = "{}", UnitIntegrityConfirmed = true,
            };
            p.Members.Add(new TeamMember { PersonId = foreignLead.Id, Role = MemberRole.ForeignLead, UnitId = foreignLead.UnitId, SortOrder = 1 });
            p.Units.Add(new ParticipatingUnit { UnitId = foreignLead.UnitId!.Value, SortOrder = 1 });
            for (var k = 0; k < direction.Indicators.Count; k++)
                p.IndicatorAnswers.Add(new IndicatorAnswer { IndicatorIndex = k, Answer = $"指标 {k + 1}" });
            db.PreProposals.Add(p);
            foreach (var (kind, _) in AttachmentKinds.Required.Where(k => i >= Blocked || k.Kind != AttachmentKind.IpAgreement))
            {
                db.Attachments.Add(new Attachment
                {
                    ProposalId = p.Id, Kind = kind, FileName = kind + ".pdf", BlobName = $"t/{p.Id}/{kind}.pdf", Sha256 = new string('0', 64), SizeBytes = 1,
                    SignedOn = kind == AttachmentKind.JointAgreement ? new DateOnly(2026, 11, 1) : null, UploadedAt = now,
                });
            }
            (i < Blocked ? blocked : clean).Add(p.Id.ToString());
        }
        await db.SaveChangesAsync();
        return (blocked, clean, directions[1].Id);
    });

    private static List<string> Rows(string html) => [.. RowId().Matches(html).Select(m => m.Groups[1].Value)];

    private static string Attr(string html, string name) => Regex.Match(html, $"id=\"recheck-rows\"[^>]*{name}=\"([^\"]*)\"").Groups[1].Value;

    private static Dictionary<string, int> Counts(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, id);
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return KeyValue().Matches(html[start..end]).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
    }

    [GeneratedRegex("<tr data-proposal=\"([^\"]+)\">")]
    private static partial Regex RowId();

    [GeneratedRegex("<option value=\"DOC-IP-AGREEMENT\" (selected)=\"selected\"")]
    private static partial Regex SelectedRule();

    [GeneratedRegex("data-key=\"([^\"]+)\" data-value=\"(\\d+)\"")]
    private static partial Regex KeyValue();
}
