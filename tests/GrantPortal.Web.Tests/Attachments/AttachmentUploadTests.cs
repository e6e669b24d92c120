using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.PreProposals.Attachments;
using GrantPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Attachments;

// Uploading through the page and the API: PDFs by content, the call's size limit, replacement,
// the joint agreement's signing date, and only while the proposal is a draft.
public sealed class AttachmentUploadTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string, string, string> RefusedFiles => new()
    {
        { "png", "scan.pdf", AttachmentErrors.NotPdf },
        { "jpeg", "photo.pdf", AttachmentErrors.NotPdf },
        { "zip", "archive.pdf", AttachmentErrors.NotPdf },
        { "docx", "agreement.pdf", AttachmentErrors.NotPdf },
        { "late-header", "late.pdf", AttachmentErrors.NotPdf },
        { "truncated", "cut.pdf", AttachmentErrors.PdfBroken },
        { "empty", "empty.pdf", AttachmentErrors.Empty },
    };

    private static byte[] Bad(string name) => name switch
    {
        "png" => BadFiles.Png,
        "jpeg" => BadFiles.Jpeg,
        "zip" => BadFiles.Zip("data.csv"),
        "docx" => BadFiles.Zip(),
        "late-header" => BadFiles.HeaderNotAtStart(),
        "truncated" => BadFiles.Truncated(),
        _ => [],
    };

    [Fact]
    public async Task Upload_RealPdfOnThePage_StoresItWithItsSha256AndSize()
    {
        var draft = await app.DraftAsync();
        var bytes = Pdfs.Minimal("合作基础证明 cooperation proof");
        var browser = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await browser.UploadPageAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(bytes), "合作证明.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await app.AttachmentsAsync(draft.Id)).Single(a => a.Kind == AttachmentKind.Other);
        Assert.Equal(Uploads.Sha256(bytes), stored.Sha256);
        Assert.Equal(bytes.Length, stored.SizeBytes);
        Assert.Equal("合作证明.pdf", stored.FileName);
        Assert.Equal($"proposals/{draft.Id}/{stored.Id}.pdf", stored.BlobName);
        Assert.Equal(app.Clock.GetUtcNow(), stored.UploadedAt);
        Assert.Equal(draft.OwnerUserId, stored.UploadedByUserId);
        Assert.Equal(bytes, await app.ReadBlobAsync(stored.BlobName));
        Assert.Equal("application/pdf", await app.BlobContentTypeAsync(stored.BlobName));
        Assert.EndsWith($"?uploaded={stored.Id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Upload_RealPdfThroughTheApi_Is201WithItsMetadata()
    {
        var draft = await app.DraftAsync();
        var bytes = Pdfs.Minimal("employment proof");
        var api = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await api.UploadApiAsync(draft.Id, "employmentProof", Uploads.File(bytes), "employment.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Uploads.Sha256(bytes), body.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, body.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("EmploymentProof", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("current").GetBoolean());
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/pre-proposals/{draft.Id}/attachments/{id}", response.Headers.Location!.OriginalString);
        var stored = (await app.AttachmentsAsync(draft.Id)).Single(a => a.Id.Value == id);
        Assert.Equal(bytes, await app.ReadBlobAsync(stored.BlobName));
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Upload_OnThePage_OfAFileThatIsNotAWholePdf_IsRefusedWithItsCode_AndChangesNothing(string file, string name, string code)
    {
        var draft = await app.DraftAsync();
        var before = await app.AttachmentsAsync(draft.Id);
        var blobsBefore = await app.BlobNamesAsync(draft.Id);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await browser.UploadPageAsync(draft.Id, nameof(AttachmentKind.IpAgreement), Uploads.File(Bad(file)), name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<div data-code=\"{code}\">", html[html.IndexOf("id=\"File-error\"", StringComparison.Ordinal)..]);
        Assert.Contains("id=\"error-summary\"", html);
        Assert.Equal(before.Select(Describe), (await app.AttachmentsAsync(draft.Id)).Select(Describe));
        Assert.Equal(blobsBefore, await app.BlobNamesAsync(draft.Id));
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Upload_ThroughTheApi_OfAFileThatIsNotAWholePdf_Is400WithItsCode_AndChangesNothing(string file, string name, string code)
    {
        var draft = await app.DraftAsync();
        var before = await app.AttachmentsAsync(draft.Id);
        var blobsBefore = await app.BlobNamesAsync(draft.Id);
        var api = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.IpAgreement), Uploads.File(Bad(file)), name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new HashSet<string> { code }, await Uploads.ProblemCodesAsync(response));
        Assert.Equal(before.Select(Describe), (await app.AttachmentsAsync(draft.Id)).Select(Describe));
        Assert.Equal(blobsBefore, await app.BlobNamesAsync(draft.Id));
    }

    [Fact]
    public async Task Upload_OverTheCallsLimit_IsRefusedWithTooLarge_AndLeavesNoBlob()
    {
        var draft = await app.DraftAsync();
        var before = await app.AttachmentsAsync(draft.Id);
        var blobsBefore = await app.BlobNamesAsync(draft.Id);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);
        var api = await app.UserApiAsync(DemoUsers.Applicant);
        await app.SetAttachmentLimitAsync(8 * 1024);
        try
        {
            // Over the limit by a little (read until the limit, then stopped) ...
            var page = await browser.UploadPageAsync(draft.Id, nameof(AttachmentKind.IpAgreement), new StreamContent(new PaddedPdfStream(20_000)), "big.pdf");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(AttachmentErrors.TooLarge, await Uploads.PageCodesAsync(page));

            var viaApi = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.IpAgreement), new StreamContent(new PaddedPdfStream(20_000)), "big.pdf");
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, viaApi.StatusCode);
            var problem = await viaApi.Content.ReadFromJsonAsync<JsonElement>();
            var error = problem.GetProperty("errors")[0];
            Assert.Equal(AttachmentErrors.TooLarge, error.GetProperty("code").GetString());
            Assert.Equal("file", error.GetProperty("field").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("args").GetProperty("max").GetString()));

            // ... and far over it, declared in Content-Length: refused before the body is read.
            var far = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.IpAgreement), Uploads.File(new byte[3 * 1024 * 1024]), "far.pdf");
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, far.StatusCode);
            Assert.Contains(AttachmentErrors.TooLarge, await Uploads.ProblemCodesAsync(far));
        }
        finally
        {
            await app.SetAttachmentLimitAsync(20L * 1024 * 1024);
        }
        Assert.Equal(before.Select(Describe), (await app.AttachmentsAsync(draft.Id)).Select(Describe));
        Assert.Equal(blobsBefore, await app.BlobNamesAsync(draft.Id));
    }

    [Fact]
    public async Task Replace_KeepsTheEarlierVersionSuperseded_AndTheListShowsBoth()
    {
        var draft = await app.DraftAsync();
        var first = (await app.AttachmentsAsync(draft.Id)).Single(a => a.Kind == AttachmentKind.IpAgreement);
        var api = await app.UserApiAsync(DemoUsers.Applicant);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.IpAgreement), Uploads.File(Pdfs.Minimal("IP agreement v2")), "ip-v2.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ip = (await app.AttachmentsAsync(draft.Id)).Where(a => a.Kind == AttachmentKind.IpAgreement).ToList();
        Assert.Equal(2, ip.Count);
        Assert.Equal(app.Clock.GetUtcNow(), ip.Single(a => a.Id == first.Id).SupersededAt);
        Assert.Null(ip.Single(a => a.Id != first.Id).SupersededAt);
        Assert.Contains(first.BlobName, await app.BlobNamesAsync(draft.Id));

        var list = await (await api.GetAsync(Uploads.ApiUrl(draft.Id))).Content.ReadFromJsonAsync<JsonElement>();
        var listed = list.GetProperty("attachments").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "IpAgreement").ToList();
        Assert.Equal(2, listed.Count);
        Assert.Single(listed, a => a.GetProperty("current").GetBoolean() && a.GetProperty("fileName").GetString() == "ip-v2.pdf");
        Assert.Single(listed, a => !a.GetProperty("current").GetBoolean() && a.GetProperty("id").GetGuid() == first.Id.Value);

        var html = await (await (await app.SignedInAsync(DemoUsers.Applicant)).GetAsync(Uploads.PageUrl(draft.Id))).Content.ReadAsStringAsync();
        Assert.Contains($"class=\"table-light superseded\" data-kind=\"IpAgreement\" data-attachment=\"{first.Id}\"", html);
        // The earlier version is still downloadable.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{Uploads.ApiUrl(draft.Id)}/{first.Id}")).StatusCode);
    }

    [Fact]
    public async Task JointAgreement_WithoutSigningDate_IsRefused_OnThePageAndThroughTheApi()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);
        var api = await app.UserApiAsync(DemoUsers.Applicant);

        var page = await browser.UploadPageAsync(draft.Id, nameof(AttachmentKind.JointAgreement), Uploads.File(Pdfs.Minimal("joint")), "joint.pdf");
        var viaApi = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.JointAgreement), Uploads.File(Pdfs.Minimal("joint")), "joint.pdf");
        var future = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.JointAgreement), Uploads.File(Pdfs.Minimal("joint")), "joint.pdf", signedOn: "2099-01-01");
        var garbled = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.JointAgreement), Uploads.File(Pdfs.Minimal("joint")), "joint.pdf", signedOn: "1.11.2026");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<div data-code=\"{AttachmentErrors.SignedOnRequired}\">", html[html.IndexOf("id=\"SignedOn-error\"", StringComparison.Ordinal)..]);
        Assert.Contains("value=\"JointAgreement\" selected=\"selected\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Equal(new HashSet<string> { AttachmentErrors.SignedOnRequired }, await Uploads.ProblemCodesAsync(viaApi));
        Assert.Equal(new HashSet<string> { AttachmentErrors.SignedOnFuture }, await Uploads.ProblemCodesAsync(future));
        Assert.Equal(new HashSet<string> { AttachmentErrors.SignedOnInvalid }, await Uploads.ProblemCodesAsync(garbled));
        Assert.Empty(await app.AttachmentsAsync(draft.Id));
        Assert.Empty(await app.BlobNamesAsync(draft.Id));

        var signed = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.JointAgreement), Uploads.File(Pdfs.Minimal("joint")), "joint.pdf", signedOn: "2026-11-01");
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 1), (await app.AttachmentsAsync(draft.Id)).Single().SignedOn);
    }

    [Fact]
    public async Task Upload_WithoutKindOrFile_IsRefusedWithTheirCodes()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var api = await app.UserApiAsync(DemoUsers.Applicant);

        var noKind = await api.UploadApiAsync(draft.Id, null, Uploads.File(Pdfs.Minimal("x")));
        var badKind = await api.UploadApiAsync(draft.Id, "Selfie", Uploads.File(Pdfs.Minimal("x")));
        var noFile = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.Other), null);
        var notMultipart = await api.PostAsync(Uploads.ApiUrl(draft.Id), JsonContent.Create(new { kind = "Other" }));

        Assert.Equal(new HashSet<string> { AttachmentErrors.KindRequired }, await Uploads.ProblemCodesAsync(noKind));
        Assert.Equal(new HashSet<string> { AttachmentErrors.KindInvalid }, await Uploads.ProblemCodesAsync(badKind));
        Assert.Equal(new HashSet<string> { AttachmentErrors.FileRequired }, await Uploads.ProblemCodesAsync(noFile));
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Equal(new HashSet<string> { AttachmentErrors.NotMultipart }, await Uploads.ProblemCodesAsync(notMultipart));
        Assert.Empty(await app.BlobNamesAsync(draft.Id));
    }

    [Fact]
    public async Task Upload_AfterTheProposalLeftDraft_IsRefusedWithAppNotEditable()
    {
        var draft = await app.DraftAsync();
        var before = await app.AttachmentsAsync(draft.Id);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);
        var api = await app.UserApiAsync(DemoUsers.Applicant);
        await app.SetStateAsync(draft.Id, ApplicationState.Complete);

        var page = await browser.UploadPageAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("late")));
        var viaApi = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("late")));
        var view = await browser.GetAsync(Uploads.PageUrl(draft.Id));

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains(AttachmentErrors.NotEditable, await Uploads.PageCodesAsync(page));
        Assert.Equal(HttpStatusCode.Conflict, viaApi.StatusCode);
        Assert.Equal(new HashSet<string> { AttachmentErrors.NotEditable }, await Uploads.ProblemCodesAsync(viaApi));
        Assert.Equal(before.Select(Describe), (await app.AttachmentsAsync(draft.Id)).Select(Describe));
        Assert.Equal(before.Select(a => a.BlobName).Order(), await app.BlobNamesAsync(draft.Id));
        // The page stays readable, without the upload form.
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.DoesNotContain("id=\"upload-form\"", await view.Content.ReadAsStringAsync());
    }

    // 15 MB, generated while it is sent (chunked, no Content-Length), under the demo call's 20 MB.
    // How the server streams it: the endpoint binds no form (no IFormFile, no ReadFormAsync), reads the
    // body with MultipartReader, and hands the file section's stream to the handler, which passes it
    // through InspectingStream (hash, count, last KiB only) to BlockBlobClient.UploadAsync in 4 MB
    // blocks, two at a time. The stored hash and size, equal to those of the bytes generated here, and
    // the blob read back prove the whole file went through that pipeline.
    [Fact]
    public async Task LargeUpload_OfFifteenMegabytes_IsStreamedIntoTheStore()
    {
        const long size = 15L * 1024 * 1024;
        var draft = await app.DraftAsync();
        var api = await app.UserApiAsync(DemoUsers.Applicant);
        var expected = PaddedPdfStream.Sha256Of(size);
        var generated = new PaddedPdfStream(size);

        var response = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.CooperationProof), new StreamContent(generated, 64 * 1024), "large.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("sha256").GetString());
        Assert.Equal(generated.TotalLength, body.GetProperty("sizeBytes").GetInt64());
        Assert.True(generated.TotalLength > size - 1024);
        var stored = (await app.AttachmentsAsync(draft.Id)).Single(a => a.Id.Value == body.GetProperty("id").GetGuid());
        var blob = await app.ReadBlobAsync(stored.BlobName);
        Assert.Equal(generated.TotalLength, blob.LongLength);
        Assert.Equal(expected, Uploads.Sha256(blob));
    }

    [Fact]
    public async Task PaddedPdf_IsAValidPdf()
    {
        using var stream = new PaddedPdfStream(5000);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(memory.ToArray());
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.True(memory.Length > 4900);
    }

    [Fact]
    public async Task DiscardSuperseded_RemovesEarlierVersionsAndTheirBlobs_AndKeepsTheCurrentOnes()
    {
        var draft = await app.DraftAsync();
        var first = (await app.AttachmentsAsync(draft.Id)).Single(a => a.Kind == AttachmentKind.PiIntegrity);
        var second = await app.AttachAsync(draft.Id, AttachmentKind.PiIntegrity);
        var currentBefore = (await app.AttachmentsAsync(draft.Id)).Where(a => a.SupersededAt == null).Select(a => a.BlobName).Order().ToList();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Persistence.AppDbContext>();
            var superseded = scope.ServiceProvider.GetRequiredService<SupersededAttachments>();
            var discarded = await superseded.DiscardSupersededAsync(draft.Id, CancellationToken.None);
            await db.SaveChangesAsync();
            await superseded.DeleteBlobsAsync(discarded, CancellationToken.None);
            Assert.Equal([first.BlobName], discarded);
        }

        var after = await app.AttachmentsAsync(draft.Id);
        Assert.DoesNotContain(after, a => a.Id == first.Id);
        Assert.Contains(after, a => a.Id == second.Id);
        Assert.Equal(currentBefore, await app.BlobNamesAsync(draft.Id));
    }

    private static string Describe(Attachment a) => $"{a.Id} {a.Kind} {a.Sha256} {a.SupersededAt}";
}
