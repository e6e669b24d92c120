using System.Net;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Printing;

// /Verify: anonymous; "match" only when the submission number AND the content hash both match a
// stored submission whose content still hashes to it; the same answer, in the same page, for an
// unknown number and for a wrong hash.
public sealed partial class VerifyTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private const string WrongHash = "0000000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public async Task Verify_RightNumberAndHash_Matches()
    {
        var (p, _) = await app.SubmittedAsync();

        var html = await Anonymous(p.SubmissionNumber!, p.ContentHash!);

        Assert.Equal("Match", Outcome(html));
        Assert.Contains("id=\"verify-anonymous\"", html);
    }

    [Fact]
    public async Task Verify_HashTypedInCapitalsWithSpaces_Matches()
    {
        var (p, _) = await app.SubmittedAsync();
        var typed = string.Join(" ", p.ContentHash!.ToUpperInvariant().Chunk(8).Select(c => new string(c)));

        var html = await Anonymous(" " + p.SubmissionNumber!.ToLowerInvariant(), typed);

        Assert.Equal("Match", Outcome(html));
    }

    [Fact]
    public async Task Verify_RightNumberWrongHash_IsNoMatch()
    {
        var (p, _) = await app.SubmittedAsync();

        var html = await Anonymous(p.SubmissionNumber!, WrongHash);

        Assert.Equal("NoMatch", Outcome(html));
        Assert.DoesNotContain(p.Title, html);
    }

    [Fact]
    public async Task Verify_UnknownNumber_AnswersExactlyAsAWrongHash()
    {
        var (p, _) = await app.SubmittedAsync();
        const string unknown = "DEMO-SIC-ZZZZ-ZZZZ";

        var wrongHash = await Anonymous(p.SubmissionNumber!, WrongHash);
        var unknownNumber = await Anonymous(unknown, WrongHash);

        Assert.Equal("NoMatch", Outcome(unknownNumber));
        // Only the echoed number differs.
        Assert.Equal(wrongHash.Replace(p.SubmissionNumber!, "#", StringComparison.Ordinal), unknownNumber.Replace(unknown, "#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_HashOfAnotherSubmission_IsNoMatch()
    {
        var (a, _) = await app.SubmittedAsync();
        var (b, _) = await app.SubmittedAsync(p => p.Title = "另一项目");

        var html = await Anonymous(a.SubmissionNumber!, b.ContentHash!);

        Assert.Equal("NoMatch", Outcome(html));
    }

    [Fact]
    public async Task Verify_StoredContentAltered_IsNoMatch()
    {
        var (p, _) = await app.SubmittedAsync();
        await app.WithDbAsync(async db =>
        {
            var stored = await db.PreProposals.SingleAsync(x => x.Id == p.Id);
            stored.SubmittedContent = stored.SubmittedContent!.Replace(p.Title, "篡改后的标题", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        });

        var html = await Anonymous(p.SubmissionNumber!, p.ContentHash!);

        Assert.Equal("NoMatch", Outcome(html));
    }

    [Fact]
    public async Task Verify_Withdrawn_SaysWithdrawn()
    {
        var (p, _) = await app.SubmittedAsync();
        await app.WithDbAsync(async db =>
        {
            var stored = await db.PreProposals.SingleAsync(x => x.Id == p.Id);
            stored.State = ApplicationState.Withdrawn;
            await db.SaveChangesAsync();
        });

        var html = await Anonymous(p.SubmissionNumber!, p.ContentHash!);

        Assert.Equal("Withdrawn", Outcome(html));
    }

    [Fact]
    public async Task Verify_MalformedHash_ShowsTheFieldError()
    {
        var html = await Anonymous("DEMO-SIC-ZZZZ-ZZZZ", "abc");

        Assert.Contains("id=\"Hash-error\"", html);
        Assert.Null(Outcome(html));
    }

    [Fact]
    public async Task Verify_EmptyForm_IsShownToAnonymous()
    {
        var response = await app.CreateBrowser().GetAsync("/Verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Number\"", html);
        Assert.DoesNotContain("[[", html);
    }

    private async Task<string> Anonymous(string number, string hash)
    {
        var response = await app.CreateBrowser().GetAsync($"/Verify?number={Uri.EscapeDataString(number)}&hash={Uri.EscapeDataString(hash)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("[[", html);
        return html;
    }

    private static string? Outcome(string html) => OutcomeAttribute().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("data-outcome=\"([A-Za-z]+)\"")]
    private static partial Regex OutcomeAttribute();
}
