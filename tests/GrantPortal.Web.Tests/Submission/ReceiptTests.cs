using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Storage;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Submission;

// The receipt rests on the canonical submitted content: its hash is the SHA-256 of exactly the
// stored bytes, and those hold what was submitted.
public sealed class ReceiptTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Receipt_HashIsSha256OfTheSubmittedContent_WhichHoldsTheSubmittedData()
    {
        var (p, receipt) = await app.SubmittedAsync();
        var stored = await app.ReloadAsync(p.Id);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored.SubmittedContent!)));
        Assert.Equal(hash, stored.ContentHash);
        Assert.Equal(hash, receipt.GetProperty("contentHash").GetString());
        Assert.Equal(stored.SubmissionNumber, receipt.GetProperty("submissionNumber").GetString());
        Assert.StartsWith("DEMO-SIC-", stored.SubmissionNumber);

        var snapshot = SubmittedSnapshot.FromJson(stored.SubmittedContent!);
        Assert.Equal(stored.SubmissionNumber, snapshot.SubmissionNumber);
        Assert.Equal(p.Title, snapshot.Title);
        Assert.Equal(p.Objectives, snapshot.Objectives);
        Assert.Equal(p.TechnicalRoute, snapshot.TechnicalRoute);
        Assert.Equal("11010519750312123", snapshot.Pi.DocumentNumber[..17]);
        Assert.Equal("京华大学（示例）", snapshot.LeadUnit.Name);
        Assert.Equal("北京市科学技术委员会（示例）", snapshot.RecommendingUnit.Name);
        Assert.Contains(snapshot.Members, m => m.Role == "ForeignLead" && m.Person.DocumentNumber == "C01X00T47");
        Assert.Equal(p.IndicatorAnswers.Count, snapshot.IndicatorAnswers.Count);
        var attachments = await app.WithDbAsync(db => db.Attachments.Where(a => a.ProposalId == p.Id).ToListAsync());
        Assert.Equal(attachments.Select(a => a.Sha256).Order(), snapshot.Attachments.Select(a => a.Sha256).Order());
        Assert.Equal(p.NarrativeLength(), snapshot.NarrativeLength);
    }

    [Fact]
    public async Task ReceiptPageAndApi_ShowNumberInstantHashAndUnit()
    {
        var (p, receipt) = await app.SubmittedAsync();
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var page = await pi.GetAsync($"/PreProposals/Receipt/{p.Id}");
        var api = await (await app.UserApiAsync(DemoUsers.Applicant)).GetAsync($"/api/v1/pre-proposals/{p.Id}/receipt");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Contains(receipt.GetProperty("submissionNumber").GetString()!, html);
        Assert.Contains(receipt.GetProperty("contentHash").GetString()!, html);
        Assert.Contains(GrantPortal.Domain.Calls.BeijingTime.ToBeijing(receipt.GetProperty("submittedAt").GetDateTimeOffset()).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains($"href=\"/PreProposals/Print/{p.Id}\"", html);
        Assert.Contains("href=\"/Verify?number=", html);
        Assert.DoesNotContain("[[", html);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(receipt.GetProperty("contentHash").GetString(), (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task Receipt_OfAProposalNeverSubmitted_Is404()
    {
        var draft = await app.DraftAsync();
        var pi = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await pi.GetAsync($"/api/v1/pre-proposals/{draft.Id}/receipt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["Submission.NoReceipt"], await response.ErrorCodesAsync());
    }

    [Fact]
    public async Task Submission_DiscardsSupersededVersions_AndKeepsTheCurrentOnes()
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync();
        var replaced = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => a.ProposalId == p.Id && a.Kind == AttachmentKind.PiIntegrity));
        var replacement = await app.AttachAsync(p.Id, AttachmentKind.PiIntegrity);
        var blobs = app.Services.GetRequiredService<BlobStore>();
        Assert.True((await blobs.Container.GetBlobClient(replaced.BlobName).ExistsAsync()).Value);

        var response = await (await app.UserApiAsync(DemoUsers.LeadUnitAdmin)).SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var remaining = await app.WithDbAsync(db => db.Attachments.Where(a => a.ProposalId == p.Id).ToListAsync());
        Assert.DoesNotContain(remaining, a => a.Id == replaced.Id);
        Assert.Contains(remaining, a => a.Id == replacement.Id);
        Assert.Equal(AttachmentKinds.Required.Count, remaining.Count);
        Assert.All(remaining, a => Assert.Null(a.SupersededAt));
        Assert.False((await blobs.Container.GetBlobClient(replaced.BlobName).ExistsAsync()).Value);
        foreach (var a in remaining) Assert.True((await blobs.Container.GetBlobClient(a.BlobName).ExistsAsync()).Value);
        var snapshot = SubmittedSnapshot.FromJson((await app.ReloadAsync(p.Id)).SubmittedContent!);
        Assert.Contains(snapshot.Attachments, a => a.Sha256 == replacement.Sha256);
        Assert.DoesNotContain(snapshot.Attachments, a => a.Sha256 == replaced.Sha256);
    }
}
