using System.Net;
using System.Text.RegularExpressions;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Recommendations;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.RecommenderPrint;

// Who gets the letter and the list of a batch: the officers of the sending unit (page and API) and
// the Exchange Center's staff (API); another unit's officer and everyone else get 404 from the API,
// exactly as for a batch that does not exist; the officers' page refuses other roles at the edge.
public sealed class BatchPrintAccessTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly string[] OtherRoles = [DemoUsers.Admin, DemoUsers.Applicant, DemoUsers.OtherApplicant, DemoUsers.LeadUnitAdmin, DemoUsers.Staff, DemoUsers.Expert];

    [Fact]
    public async Task Page_OfficersOfTheUnit_GetBothDocuments_AnotherUnitsOfficer_GetsNotFound()
    {
        var batch = await app.SentBatchAsync("权限测试项目页面");
        foreach (var document in new[] { "letter", "list" })
        {
            var url = $"/Recommender/Print/{batch.Id}/{document}";
            foreach (var email in new[] { DemoUsers.Recommender, RecommendationKit.SecondOfficer })
            {
                var response = await (await app.SignedInAsync(email)).GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {email}: {(int)response.StatusCode}");
                Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            }
            var ministry = await (await app.SignedInAsync(RecommendationKit.MinistryOfficer)).GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, ministry.StatusCode);
        }
    }

    [Fact]
    public async Task Page_OtherRoles_AreRefused_Anonymous_IsSentToSignIn()
    {
        var batch = await app.SentBatchAsync("权限测试项目角色");
        var url = $"/Recommender/Print/{batch.Id}/letter";
        foreach (var email in OtherRoles)
        {
            var response = await (await app.SignedInAsync(email)).GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email}: {(int)response.StatusCode}");
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var anonymous = await app.CreateBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Accounts/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Page_UnknownBatchOrDocument_IsNotFound()
    {
        var batch = await app.SentBatchAsync("权限测试项目未知");
        var officer = await app.SignedInAsync(DemoUsers.Recommender);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Recommender/Print/{Guid.CreateVersion7()}/letter")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Recommender/Print/{batch.Id}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Recommender/Print/{batch.Id}/7")).StatusCode);
    }

    [Fact]
    public async Task Api_RoleMatrix()
    {
        var batch = await app.SentBatchAsync("权限测试项目接口");
        var expected = new Dictionary<string, HttpStatusCode>
        {
            [DemoUsers.Recommender] = HttpStatusCode.OK,
            [RecommendationKit.SecondOfficer] = HttpStatusCode.OK,
            [DemoUsers.Staff] = HttpStatusCode.OK,
            [RecommendationKit.MinistryOfficer] = HttpStatusCode.NotFound,
            [DemoUsers.Applicant] = HttpStatusCode.NotFound,
            [DemoUsers.OtherApplicant] = HttpStatusCode.NotFound,
            [DemoUsers.LeadUnitAdmin] = HttpStatusCode.NotFound,
            [DemoUsers.Expert] = HttpStatusCode.NotFound,
            [DemoUsers.Admin] = HttpStatusCode.NotFound,
        };
        foreach (var (email, want) in expected)
        {
            var client = await app.UserApiAsync(email);
            foreach (var document in new[] { "letter", "list" })
            {
                var response = await client.GetAsync($"/api/v1/recommendations/batches/{batch.Id}/{document}");
                Assert.True(response.StatusCode == want, $"{document} {email}: {(int)response.StatusCode}, expected {(int)want}");
                if (want == HttpStatusCode.OK) Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            }
        }
        var anonymous = await app.CreateClient().GetAsync($"/api/v1/recommendations/batches/{batch.Id}/letter");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var staff = await app.UserApiAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/recommendations/batches/{Guid.CreateVersion7()}/list")).StatusCode);
    }
}

// /Verify with the number and hash printed on a letter or list: what it is, of which unit, sent
// when, how many projects; a wrong hash or number answers "no match", as for a pre-proposal.
public sealed partial class BatchVerifyTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private const string WrongHash = "0000000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public async Task Verify_BatchNumberAndHash_SaysWhichUnitSentWhatAndWhen()
    {
        var batch = await app.SentBatchAsync("核验测试项目一", "核验测试项目二");

        var html = await Anonymous(batch.Number, batch.Hash);

        Assert.Equal("Match", Outcome(html));
        Assert.Contains("data-document=\"batch\"", html);
        Assert.Contains(batch.Number, html);
        Assert.Contains(batch.List.RecommendingUnit.Name, html);
        Assert.Contains("data-count=\"2\"", html);
        var sent = GrantPortal.Domain.Calls.BeijingTime.ToBeijing(batch.List.SentAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"id=\"verify-batch-sent\">{sent} (北京时间, UTC+8)", html);
    }

    [Fact]
    public async Task Verify_BatchNumberTypedLowerCaseAndHashWithSpaces_Matches()
    {
        var batch = await app.SentBatchAsync("核验测试项目大小写");
        var typed = string.Join(" ", batch.Hash.ToUpperInvariant().Chunk(16).Select(c => new string(c)));

        var html = await Anonymous(" " + batch.Number.ToLowerInvariant() + " ", typed);

        Assert.Equal("Match", Outcome(html));
    }

    [Fact]
    public async Task Verify_BatchNumberWithAWrongHash_IsNoMatch()
    {
        var batch = await app.SentBatchAsync("核验测试项目错误哈希");

        var html = await Anonymous(batch.Number, WrongHash);

        Assert.Equal("NoMatch", Outcome(html));
        Assert.DoesNotContain(batch.List.RecommendingUnit.Name, html);
    }

    [Fact]
    public async Task Verify_BatchHashWithAnotherNumber_IsNoMatch()
    {
        var batch = await app.SentBatchAsync("核验测试项目错误编号");
        var submission = batch.List.Items[0].SubmissionNumber;

        Assert.Equal("NoMatch", Outcome(await Anonymous(submission, batch.Hash)));
        Assert.Equal("NoMatch", Outcome(await Anonymous(batch.List.CallCode + "-TJ-ZZZZ-ZZZZ", batch.Hash)));
    }

    [Fact]
    public async Task Verify_StoredListAltered_IsNoMatch()
    {
        var batch = await app.SentBatchAsync("核验测试项目篡改");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.RecommendationBatches.FindAsync(batch.Id);
            stored!.ListJson = stored.ListJson.Replace("核验测试项目篡改", "篡改后的名称", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        });

        Assert.Equal("NoMatch", Outcome(await Anonymous(batch.Number, batch.Hash)));
    }

    [Fact]
    public async Task Verify_PreProposal_StillMatchesAsBefore()
    {
        var (p, _) = await app.SubmittedAsync();
        var stored = await app.ReloadAsync(p.Id);

        var html = await Anonymous(stored.SubmissionNumber!, stored.ContentHash!);

        Assert.Equal("Match", Outcome(html));
        Assert.Contains("data-document=\"pre-proposal\"", html);
    }

    private async Task<string> Anonymous(string number, string hash)
    {
        var response = await app.CreateBrowser().GetAsync($"/Verify?number={Uri.EscapeDataString(number)}&hash={Uri.EscapeDataString(hash)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.DoesNotContain("[[", html);
        return html;
    }

    private static string? Outcome(string html) => OutcomeAttribute().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("data-outcome=\"([A-Za-z]+)\"")]
    private static partial Regex OutcomeAttribute();
}
