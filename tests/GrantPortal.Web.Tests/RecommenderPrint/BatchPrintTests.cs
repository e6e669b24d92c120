using System.Globalization;
using System.Net;
using GrantPortal.Web.Features.PreProposals.Print;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Printing;
using GrantPortal.Web.Tests.Recommendations;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GrantPortal.Web.Tests.RecommenderPrint;

// The recommendation letter (推荐函) and the list of recommended projects (推荐项目清单) of a sent
// batch (issue 6, point 5): PdfPig extracts their text, which is compared with the batch as sent
// (its stored list), and the number, hash and printing instant are on every page.
public sealed class BatchPrintTests(GrantPortalFactory app, ITestOutputHelper output) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Letter_OfSentBatch_HoldsTheUnitTheProjectsAndTheSealArea()
    {
        var batch = await app.SentBatchAsync("推荐函测试项目甲", "推荐函测试项目乙", "推荐函测试项目丙");
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var printedAt = app.Clock.GetUtcNow();
        var officer = await app.SignedInAsync(DemoUsers.Recommender);

        var response = await officer.GetAsync($"/Recommender/Print/{batch.Id}/letter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(batch.Number, response.Content.Headers.ContentDisposition?.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var body = PdfText.Body(pdf);
        var list = batch.List;
        Assert.Equal(3, list.Items.Count);
        Assert.Contains("推荐函", body);
        Assert.Contains(PdfText.Normalize(list.CallTitle), body);
        Assert.Contains(PdfText.Normalize(list.RecommendingUnit.Name), body);
        Assert.Contains(PdfText.Normalize("北京市科学技术委员会（示例）"), body);
        Assert.Contains("省级科技主管部门", body); // the kind, as the registry held it
        Assert.Contains(list.RecommendingUnit.SocialCreditCode!, body);
        Assert.Contains("北京", body);
        Assert.Contains(PdfText.Normalize("联系人" + list.Contact!.Name), body);
        Assert.Contains(PdfText.Normalize(DemoUsers.Recommender), body);
        Assert.Contains(PdfText.Normalize("现推荐 3 个项目"), body);
        foreach (var item in list.Items)
        {
            Assert.Contains(item.SubmissionNumber, body);
            Assert.Contains(PdfText.Normalize(item.Title), body);
            Assert.Contains(PdfText.Normalize(item.LeadUnit), body);
        }
        Assert.Contains(PdfText.Normalize("推荐单位（盖章）"), body);
        Assert.Contains(PdfText.Normalize("单位负责人（签字）"), body);
        AssertEveryPage(pdf, batch, printedAt);
        Assert.DoesNotContain("[[", string.Concat(PdfText.Pages(pdf)));
        output.WriteLine($"Letter of 3 projects: {pdf.Length} bytes");
    }

    [Fact]
    public async Task List_OfSentBatch_HasEveryRowAsSent()
    {
        var batch = await app.SentBatchAsync("清单测试项目一", "清单测试项目二");
        var printedAt = app.Clock.GetUtcNow();
        var officer = await app.SignedInAsync(DemoUsers.Recommender);

        var pdf = await (await officer.GetAsync($"/Recommender/Print/{batch.Id}/list")).Content.ReadAsByteArrayAsync();

        var body = PdfText.Body(pdf);
        Assert.Contains("推荐项目清单", body);
        Assert.Contains(PdfText.Normalize(batch.List.RecommendingUnit.Name), body);
        foreach (var item in batch.List.Items)
        {
            // Cell by cell, in the order of the columns.
            var row = PdfText.Normalize(string.Concat(
                item.Number.ToString(CultureInfo.InvariantCulture), item.SubmissionNumber, item.Title, item.LeadUnit, item.Pi,
                item.DirectionNumber, item.DirectionTitle, item.RequestedBudget!.Value.ToString("0.##", CultureInfo.InvariantCulture)));
            Assert.Contains(row, body);
        }
        Assert.Contains(PdfText.Normalize("合计：2 项"), body);
        Assert.Contains(PdfText.Normalize("推荐单位（盖章）"), body);
        AssertEveryPage(pdf, batch, printedAt);
    }

    [Fact]
    public async Task Reprint_AfterTheRegistryAndTheProposalChanged_PrintsWhatWasSent()
    {
        var batch = await app.SentBatchAsync("改名前的项目名称");
        var officer = await app.SignedInAsync(DemoUsers.Recommender);
        var before = PdfText.Body(await (await officer.GetAsync($"/Recommender/Print/{batch.Id}/letter")).Content.ReadAsByteArrayAsync());
        var unitId = await app.RecommenderUnitAsync();
        var proposalId = batch.List.Items[0].ProposalId;
        await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            unit.Name = "后来改名的推荐单位";
            unit.Province = "河北";
            var p = await db.PreProposals.SingleAsync(x => x.Id == new Domain.Common.ProposalId(proposalId));
            p.Title = "后来改动的项目名称";
            await db.SaveChangesAsync();
        });
        try
        {
            var letter = PdfText.Body(await (await officer.GetAsync($"/Recommender/Print/{batch.Id}/letter")).Content.ReadAsByteArrayAsync());
            var list = PdfText.Body(await (await officer.GetAsync($"/Recommender/Print/{batch.Id}/list")).Content.ReadAsByteArrayAsync());

            Assert.Equal(before, letter);
            foreach (var body in new[] { letter, list })
            {
                Assert.Contains(PdfText.Normalize("北京市科学技术委员会（示例）"), body);
                Assert.Contains(PdfText.Normalize("改名前的项目名称"), body);
                Assert.DoesNotContain(PdfText.Normalize("后来改名的推荐单位"), body);
                Assert.DoesNotContain("河北", body);
                Assert.DoesNotContain(PdfText.Normalize("后来改动的项目名称"), body);
            }
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var unit = await db.Units.SingleAsync(u => u.Id == unitId);
                unit.Name = "北京市科学技术委员会（示例）";
                unit.Province = "北京";
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task LongList_SpansPages_WithHeaderHashAndColumnTitlesOnEach()
    {
        var batch = await app.StoredBatchAsync(90);
        var printedAt = app.Clock.GetUtcNow();
        var staff = await app.UserApiAsync(DemoUsers.Staff);

        foreach (var document in new[] { "list", "letter" })
        {
            var response = await staff.GetAsync($"/api/v1/recommendations/batches/{batch.Id}/{document}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var pdf = await response.Content.ReadAsByteArrayAsync();

            var pages = PdfText.Pages(pdf);
            Assert.True(pages.Count >= 3, $"{document}: {pages.Count} pages");
            AssertEveryPage(pdf, batch, printedAt);
            // The table's column titles are repeated on every page it continues on.
            Assert.All(pages.SkipLast(1), page => Assert.Contains("申报编号", page));
            var body = PdfText.Body(pdf);
            foreach (var item in batch.List.Items)
            {
                Assert.Contains(item.SubmissionNumber, body);
                Assert.Contains(PdfText.Normalize(item.Title), body);
            }
            // No row is split: every submission number lies on one page.
            Assert.All(batch.List.Items, item => Assert.Single(pages, p => p.Contains(item.SubmissionNumber, StringComparison.Ordinal)));
            output.WriteLine($"{document} of 90 projects: {pdf.Length} bytes, {pages.Count} pages");
        }
    }

    [Fact]
    public async Task List_KeepsAllTextInsideThePrintableArea()
    {
        var batch = await app.StoredBatchAsync(40);
        var officer = await app.SignedInAsync(DemoUsers.Recommender);

        var pdf = await (await officer.GetAsync($"/Recommender/Print/{batch.Id}/list")).Content.ReadAsByteArrayAsync();

        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            var outside = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .Where(l => l.BoundingBox.Left < 49 || l.BoundingBox.Right > 546 || l.BoundingBox.Bottom < 40 || l.BoundingBox.Top > 802)
                .Select(l => $"{l.Value}@({l.BoundingBox.Left:F1},{l.BoundingBox.Bottom:F1})").ToList();
            Assert.True(outside.Count == 0, $"Page {page.Number}: " + string.Join(" ", outside));
        }
    }

    [Fact]
    public async Task Letter_InEnglish_HasEnglishLabelsAndTheSameData()
    {
        var batch = await app.SentBatchAsync("英文打印测试项目");
        var officer = await app.SignedInAsync(DemoUsers.Recommender);

        var pdf = await (await officer.GetAsync($"/Recommender/Print/{batch.Id}/letter?culture=en")).Content.ReadAsByteArrayAsync();

        var pages = PdfText.Pages(pdf);
        Assert.Contains(PdfText.Normalize("Recommendation letter"), pages[0]);
        Assert.Contains(PdfText.Normalize("Beijing time"), pages[0]);
        Assert.Contains(PdfText.Normalize("英文打印测试项目"), PdfText.Body(pdf));
        Assert.Contains(batch.Hash, pages[0]);
        Assert.DoesNotContain("[[", string.Concat(pages));
    }

    [Fact]
    public async Task BatchPage_ShowsTheNumberAndLinksToBothDocuments()
    {
        var batch = await app.SentBatchAsync("批次页链接测试项目");
        var officer = await app.SignedInAsync(DemoUsers.Recommender);
        var call = await app.DemoCallAsync();

        var html = await (await officer.GetAsync($"/Recommender/Batch?callId={call.Id}")).HtmlAsync();

        Assert.Contains($"href=\"/Recommender/Print/{batch.Id}/letter\"", html);
        Assert.Contains($"href=\"/Recommender/Print/{batch.Id}/list\"", html);
        Assert.Contains(batch.Number, html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task SentList_CarriesItsNumberAndTheContactInTheHashedSnapshot()
    {
        var batch = await app.SentBatchAsync("快照编号测试项目");

        Assert.Equal(Features.Recommender.Batch.BatchNumber.Of(batch.Id, batch.List.CallCode), batch.List.Number);
        Assert.Matches("^[A-Z0-9-]+-TJ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", batch.Number);
        Assert.Equal(DemoUsers.Recommender, batch.List.Contact?.Email);
        Assert.Equal("ProvincialStDepartment", batch.List.RecommendingUnit.Kind);
    }

    // Every page: the document's batch number, the instant of sending, the hash and the instant of printing.
    private static void AssertEveryPage(byte[] pdf, SentBatchInfo batch, DateTimeOffset printedAt)
    {
        var pages = PdfText.Pages(pdf);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(batch.Number, pages[i]);
            Assert.Contains(batch.Hash, pages[i]);
            Assert.Contains(PdfText.Normalize("报送时间：" + BatchPrintKit.BeijingInstant(batch.List.SentAt)), pages[i]);
            Assert.Contains(PdfText.Normalize("生成时间：" + BatchPrintKit.BeijingInstant(printedAt)), pages[i]);
            Assert.Contains($"第{i + 1}页/共{pages.Count}页", pages[i]);
            Assert.Contains(PdfText.Normalize(PrintPreProposalHandler.VerifyUrl("http://localhost", batch.Number, batch.Hash)), pages[i]);
        }
    }

    // The Exchange Center's staff open the same documents in the browser; nobody else may.
    [Theory]
    [InlineData(DemoUsers.Staff, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Recommender, HttpStatusCode.Redirect)]
    [InlineData(DemoUsers.Applicant, HttpStatusCode.Redirect)]
    [InlineData(DemoUsers.Admin, HttpStatusCode.Redirect)]
    public async Task ExchangeCenterPage_ServesTheLetterAndListToStaffOnly(string user, HttpStatusCode expected)
    {
        var batch = await app.StoredBatchAsync(2);
        var client = await app.SignedInAsync(user);

        foreach (var document in new[] { "letter", "list" })
        {
            var response = await client.GetAsync($"/ExchangeCenter/BatchPrint/{batch.Id}/{document}");
            Assert.Equal(expected, response.StatusCode);
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains(batch.List.Items[0].SubmissionNumber, PdfText.Body(await response.Content.ReadAsByteArrayAsync()));
            }
        }
        if (expected == HttpStatusCode.OK)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ExchangeCenter/BatchPrint/{Guid.NewGuid()}/letter")).StatusCode);
    }
}
