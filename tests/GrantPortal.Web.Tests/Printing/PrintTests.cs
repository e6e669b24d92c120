using System.Diagnostics;
using System.Globalization;
using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Features.PreProposals.Print;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GrantPortal.Web.Tests.Printing;

// The printed pre-proposal: rendered from the stored snapshot only, every submitted value in it,
// Chinese in an embedded subset of WenQuanYi Micro Hei, user text printed literally, and the
// submission number and content hash on every page; served to whoever may see the application.
public sealed class PrintTests(GrantPortalFactory app, ITestOutputHelper output) : IClassFixture<GrantPortalFactory>
{
    private const int MaxBytes = 200 * 1024;

    [Fact]
    public async Task Print_ForThePi_ReturnsAnInlinePdfWithEverySubmittedValue()
    {
        var (p, s) = await app.SubmittedAsync();
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await pi.GetAsync($"/PreProposals/Print/{p.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(s.SubmissionNumber, response.Content.Headers.ContentDisposition?.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        output.WriteLine($"PDF of a small proposal: {pdf.Length} bytes");
        var body = PdfText.Body(pdf);
        foreach (var value in Values(s)) Assert.Contains(PdfText.Normalize(value), body);
    }

    [Fact]
    public async Task Print_NarrativeWithScript_IsPrintedLiterally()
    {
        var (p, s) = await app.SubmittedAsync();
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var pdf = await (await pi.GetAsync($"/PreProposals/Print/{p.Id}")).Content.ReadAsByteArrayAsync();

        Assert.Contains(PdfText.Normalize(SubmittedProposals.Script), PdfText.Body(pdf));
        Assert.Contains(PdfText.Normalize(s.Innovation), PdfText.Body(pdf));
    }

    [Fact]
    public async Task Print_FullNarrative_CarriesNumberHashAndPageCountOnEveryPage()
    {
        var (p, s) = await app.SubmittedAsync(Full);
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var pdf = await (await lead.GetAsync($"/PreProposals/Print/{p.Id}")).Content.ReadAsByteArrayAsync();

        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(s.SubmissionNumber, pages[i]);
            Assert.Contains(p.ContentHash!, pages[i]);
            Assert.Contains($"第{i + 1}页/共{pages.Count}页", pages[i]);
            Assert.Contains(PdfText.Normalize(PrintPreProposalHandler.VerifyUrl("http://localhost", s.SubmissionNumber, p.ContentHash!)), pages[i]);
        }
        var body = PdfText.Body(pdf);
        foreach (var value in Values(s)) Assert.Contains(PdfText.Normalize(value), body);
        output.WriteLine($"PDF of a full 3000-character proposal: {pdf.Length} bytes, {pages.Count} pages");
    }

    [Fact]
    public async Task Print_EmbedsTheCjkFontAsASmallSubset()
    {
        var (p, _) = await app.SubmittedAsync(Full);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var pdf = await (await pi.GetAsync($"/PreProposals/Print/{p.Id}")).Content.ReadAsByteArrayAsync();

        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/FontFile2", raw);
        Assert.All(PdfText.FontNames(pdf), name => Assert.Contains("WenQuanYi", name));
        // A subset: the whole face alone is about 5 MB.
        Assert.True(pdf.Length < MaxBytes, $"{pdf.Length} bytes");
        output.WriteLine($"PDF size with embedded subset: {pdf.Length} bytes (limit {MaxBytes})");
    }

    [Fact]
    public async Task Print_FullNarrative_KeepsAllTextInsideThePrintableArea()
    {
        var (p, _) = await app.SubmittedAsync(Full);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var pdf = await (await pi.GetAsync($"/PreProposals/Print/{p.Id}")).Content.ReadAsByteArrayAsync();

        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            // 50 pt margins; closing punctuation may hang one character into the right margin.
            var outside = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .Where(l => l.BoundingBox.Left < 49 || l.BoundingBox.Right > 545 + (IsClosing(l.Value) ? 12 : 1) || l.BoundingBox.Bottom < 40 || l.BoundingBox.Top > 802)
                .Select(l => $"{l.Value}@({l.BoundingBox.Left:F1},{l.BoundingBox.Bottom:F1})-{l.BoundingBox.Right:F1}").ToList();
            Assert.True(outside.Count == 0, $"Page {page.Number}: " + string.Join(" ", outside));
        }
    }

    [Fact]
    public async Task Print_InEnglish_UsesEnglishLabelsAndTheSameData()
    {
        var (p, s) = await app.SubmittedAsync();
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var pdf = await (await pi.GetAsync($"/PreProposals/Print/{p.Id}?culture=en")).Content.ReadAsByteArrayAsync();

        var pages = PdfText.Pages(pdf);
        Assert.Contains(PdfText.Normalize("Page 1 of " + pages.Count), pages[0]);
        Assert.Contains(PdfText.Normalize("Beijing time"), pages[0]);
        foreach (var value in Values(s)) Assert.Contains(PdfText.Normalize(value), PdfText.Body(pdf));
        Assert.DoesNotContain("[[", string.Concat(pages));
    }

    [Fact]
    public async Task Print_ChangedDraftAfterSubmission_PrintsTheSubmittedContent()
    {
        var (p, s) = await app.SubmittedAsync();
        await app.WithDbAsync(async db =>
        {
            var live = await db.PreProposals.SingleAsync(x => x.Id == p.Id);
            live.Title = "后来改动的标题";
            await db.SaveChangesAsync();
        });
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var body = PdfText.Body(await (await pi.GetAsync($"/PreProposals/Print/{p.Id}")).Content.ReadAsByteArrayAsync());

        Assert.Contains(PdfText.Normalize(s.Title), body);
        Assert.DoesNotContain(PdfText.Normalize("后来改动的标题"), body);
    }

    [Theory]
    [InlineData(DemoUsers.Applicant, HttpStatusCode.OK)]
    [InlineData(DemoUsers.LeadUnitAdmin, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Recommender, HttpStatusCode.OK)] // the submission is addressed to its unit
    [InlineData(DemoUsers.OtherApplicant, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Staff, HttpStatusCode.NotFound)] // not yet endorsed to the Exchange Center
    [InlineData(DemoUsers.Expert, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Admin, HttpStatusCode.NotFound)]
    public async Task PrintPage_RoleMatrix(string email, HttpStatusCode expected)
    {
        var (p, _) = await app.SubmittedAsync();
        var client = await app.SignedInAsync(email);

        var response = await client.GetAsync($"/PreProposals/Print/{p.Id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PrintPage_Anonymous_IsSentToSignIn()
    {
        var (p, _) = await app.SubmittedAsync();

        var response = await app.CreateBrowser().GetAsync($"/PreProposals/Print/{p.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Accounts/Login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task PrintPage_UnknownId_IsNotFound()
    {
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await pi.GetAsync($"/PreProposals/Print/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PrintPage_Draft_IsConflict()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await pi.GetAsync($"/PreProposals/Print/{draft.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Applicant, HttpStatusCode.OK)]
    [InlineData(DemoUsers.LeadUnitAdmin, HttpStatusCode.OK)]
    [InlineData(DemoUsers.OtherApplicant, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.Staff, HttpStatusCode.NotFound)]
    public async Task Api_RoleMatrix(string email, HttpStatusCode expected)
    {
        var (p, s) = await app.SubmittedAsync();
        var tokens = await app.UserTokensAsync(email);
        var api = app.CreateClient().WithBearer(tokens.AccessToken);

        var response = await api.GetAsync($"/api/v1/pre-proposals/{p.Id}/pdf");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(s.SubmissionNumber, PdfText.Pages(await response.Content.ReadAsByteArrayAsync())[0]);
        }
    }

    [Fact]
    public async Task Api_Anonymous_Is401()
    {
        var (p, _) = await app.SubmittedAsync();

        var response = await app.CreateClient().GetAsync($"/api/v1/pre-proposals/{p.Id}/pdf");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_Draft_Is409WithCode()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var tokens = await app.UserTokensAsync(DemoUsers.Applicant);
        var api = app.CreateClient().WithBearer(tokens.AccessToken);

        var response = await api.GetAsync($"/api/v1/pre-proposals/{draft.Id}/pdf");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("\"Printing.NotSubmitted\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Render_Full3000CharacterProposal_LogsTheTime()
    {
        var (p, _) = await app.SubmittedAsync(Full);
        var stored = await app.WithDbAsync(db => db.PreProposals.AsNoTracking().SingleAsync(x => x.Id == p.Id));
        var snapshot = SubmittedSnapshot.FromJson(stored.SubmittedContent!);
        Assert.Equal(3000, snapshot.NarrativeLength);
        var renderer = new PreProposalPdf(app.Services.GetRequiredService<Catalog>());
        renderer.Render(snapshot, stored.ContentHash!, new CultureInfo("zh-CN"), "http://localhost"); // warm-up: font loading

        var times = new List<double>();
        byte[] pdf = [];
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            pdf = renderer.Render(snapshot, stored.ContentHash!, new CultureInfo("zh-CN"), "http://localhost");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"Render of a full 3000-character proposal: median {times[5]:F1} ms, max {times[^1]:F1} ms, {pdf.Length} bytes, {PdfText.Pages(pdf).Count} pages");
        Assert.NotEmpty(pdf);
    }

    // A narrative of exactly 3000 counted characters (the 2018 limit), Chinese with some Latin,
    // over the four sections and the indicator answers.
    private static void Full(PreProposal p)
    {
        const string Chinese = "本项目面向新能源微电网的多时间尺度协调控制需求开展中外联合研究并形成可推广的技术方案";
        string Text(int count) => string.Concat(Enumerable.Range(0, count).Select(i => Chinese[i % Chinese.Length]));
        var answers = p.IndicatorAnswers.Sum(a => NarrativeLength.Count([a.Answer]));
        var rest = 3000 - answers - NarrativeLength.Count([SubmittedProposals.Script]) - NarrativeLength.Count(["MW-class demo, IEC 61850."]);
        p.Objectives = Text(rest / 4) + "\nMW-class demo, IEC 61850.";
        p.Innovation = Text(rest / 4) + SubmittedProposals.Script;
        p.TechnicalRoute = Text(rest / 4);
        p.ResearchBasis = Text(rest - 3 * (rest / 4));
    }

    private static bool IsClosing(string c) => "，。、；：？！）》」』】".Contains(c, StringComparison.Ordinal);

    private static IEnumerable<string> Values(SubmittedSnapshot s)
    {
        yield return s.CallTitle;
        yield return s.DirectionTitle;
        yield return s.Title;
        yield return s.LeadUnit.Name;
        yield return s.LeadUnit.Identifier;
        yield return s.Pi.Name;
        yield return s.Pi.DocumentNumber;
        yield return s.RecommendingUnit.Name;
        yield return s.SubmittedBy;
        foreach (var u in s.ParticipatingUnits) { yield return u.Name; yield return u.Identifier; }
        foreach (var m in s.Members) { yield return m.Person.Name; yield return m.Person.DocumentNumber; }
        yield return s.Objectives;
        yield return s.Innovation;
        yield return s.TechnicalRoute;
        yield return s.ResearchBasis;
        foreach (var a in s.IndicatorAnswers) { yield return a.Indicator; yield return a.Answer; }
        foreach (var a in s.Attachments) { yield return a.FileName; yield return a.Sha256; }
        yield return s.DurationMonths!.Value.ToString(CultureInfo.InvariantCulture);
        yield return s.RequestedBudget!.Value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
