using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.Attachments;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Attachments;

// Who may see, download and upload the attachments of a draft of pi@ (京华大学): the PI uploads;
// the lead unit's administrator of the same unit sees and downloads; everyone else gets 404 on the
// page, the upload and every download (the ids leak nothing); anonymous users are sent to sign in
// (pages) or get 401 (API).
public sealed class AttachmentAccessTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string> Outsiders => new(
        DemoUsers.OtherApplicant, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert, DemoUsers.Admin);

    [Fact]
    public async Task Page_Owner_SeesEveryKindWithItsRuleAndTheUploadForm()
    {
        var draft = await app.DraftAsync();
        var browser = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await browser.GetAsync(Uploads.PageUrl(draft.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("[[", html);
        foreach (var kind in Enum.GetValues<AttachmentKind>()) Assert.Contains($"id=\"kind-{kind}\"", html);
        foreach (var (_, rule) in AttachmentKinds.Required) Assert.Contains($"data-rule=\"{rule}\"", html);
        var current = (await app.AttachmentsAsync(draft.Id)).First();
        Assert.Contains($"data-sha256=\"{current.Sha256}\"", html);
        Assert.Contains($"title=\"{current.Sha256}\"", html);
        Assert.Contains("北京时间", html);
        Assert.Contains("id=\"upload-form\"", html);
        // The antiforgery token is the form's first field, read before the file.
        var form = html[html.IndexOf("id=\"upload-form\"", StringComparison.Ordinal)..];
        Assert.True(form.IndexOf("__RequestVerificationToken", StringComparison.Ordinal) < form.IndexOf("name=\"kind\"", StringComparison.Ordinal));
        Assert.True(form.IndexOf("name=\"kind\"", StringComparison.Ordinal) < form.IndexOf("type=\"file\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_LeadUnitAdminOfTheSameUnit_SeesItWithoutTheUploadForm_AndCannotUpload()
    {
        var draft = await app.DraftAsync();
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var page = await lead.GetAsync(Uploads.PageUrl(draft.Id));
        var upload = await lead.UploadPageAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("lead")));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"upload-form\"", html);
        Assert.Contains("id=\"read-only\"", html);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Contains(AttachmentErrors.NotEditor, await Uploads.PageCodesAsync(upload));
        Assert.DoesNotContain(await app.AttachmentsAsync(draft.Id), a => a.Kind == AttachmentKind.Other);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Page_Outsider_Gets404_ForThePageTheUploadAndEveryDownload(string email)
    {
        var draft = await app.DraftAsync();
        var attachment = (await app.AttachmentsAsync(draft.Id)).First();
        var client = await app.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Uploads.PageUrl(draft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PageDownload(draft.Id, attachment.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.UploadPageAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("x")))).StatusCode);
        // The same answer as for ids that do not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Uploads.PageUrl(ProposalId.New()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PageDownload(draft.Id, AttachmentId.New()))).StatusCode);
        Assert.DoesNotContain(await app.AttachmentsAsync(draft.Id), a => a.Kind == AttachmentKind.Other);
    }

    [Fact]
    public async Task Page_Anonymous_IsSentToSignIn()
    {
        var draft = await app.DraftAsync();
        var attachment = (await app.AttachmentsAsync(draft.Id)).First();
        var client = app.CreateBrowser();

        foreach (var url in new[] { Uploads.PageUrl(draft.Id), PageDownload(draft.Id, attachment.Id) })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
        }
        var upload = await client.UploadPageAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("anon")));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.StartsWith("/Accounts/Login", upload.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task PageUpload_WithoutAntiforgeryToken_Is400()
    {
        var draft = await app.DraftAsync();
        var browser = await app.SignedInAsync(DemoUsers.Applicant);
        var form = new MultipartFormDataContent
        {
            { new StringContent("Other"), "kind" },
            { Uploads.File(Pdfs.Minimal("csrf")), "file", "csrf.pdf" },
        };

        var response = await browser.PostAsync(Uploads.PageUrl(draft.Id), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await app.AttachmentsAsync(draft.Id), a => a.Kind == AttachmentKind.Other);
    }

    [Theory]
    [InlineData(DemoUsers.Applicant)]
    [InlineData(DemoUsers.LeadUnitAdmin)]
    public async Task Download_ByAViewer_StreamsThePdfWithSafeHeaders(string email)
    {
        var draft = await app.DraftAsync();
        var bytes = Pdfs.Minimal("联合申报协议");
        var upload = await (await app.UserApiAsync(DemoUsers.Applicant))
            .UploadApiAsync(draft.Id, nameof(AttachmentKind.JointAgreement), Uploads.File(bytes), "联合申报协议（签字版）.pdf", signedOn: "2026-11-20");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var browser = await app.SignedInAsync(email);
        var api = await app.UserApiAsync(email);

        foreach (var response in new[]
                 {
                     await browser.GetAsync(PageDownload(draft.Id, new AttachmentId(id))),
                     await api.GetAsync($"{Uploads.ApiUrl(draft.Id)}/{id}"),
                 })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal($"\"{Uploads.Sha256(bytes)}\"", response.Headers.ETag!.Tag);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal("联合申报协议（签字版）.pdf", disposition.FileNameStar);
            Assert.True(disposition.FileName!.All(c => c < 128));
        }
    }

    [Fact]
    public async Task Download_WithTheCurrentETag_Is304()
    {
        var draft = await app.DraftAsync();
        var attachment = (await app.AttachmentsAsync(draft.Id)).First();
        var api = await app.UserApiAsync(DemoUsers.Applicant);
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Uploads.ApiUrl(draft.Id)}/{attachment.Id}");
        request.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{attachment.Sha256}\""));

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Api_Outsider_Gets404_ForTheListTheUploadAndEveryDownload(string email)
    {
        var draft = await app.DraftAsync();
        var attachment = (await app.AttachmentsAsync(draft.Id)).First();
        var api = await app.UserApiAsync(email);

        var list = await api.GetAsync(Uploads.ApiUrl(draft.Id));
        var download = await api.GetAsync($"{Uploads.ApiUrl(draft.Id)}/{attachment.Id}");
        var upload = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("x")));

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(new HashSet<string> { AttachmentErrors.NotFound }, await Uploads.ProblemCodesAsync(list));
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        // Upload takes the Applicant policy first: other roles are refused by role (403), an applicant
        // of another unit by the proposal (404).
        Assert.Equal(email == DemoUsers.OtherApplicant ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.DoesNotContain(await app.AttachmentsAsync(draft.Id), a => a.Kind == AttachmentKind.Other);
    }

    [Fact]
    public async Task Api_LeadUnitAdmin_ListsAndDownloads_ButUploadIsRefusedByRole()
    {
        var draft = await app.DraftAsync();
        var api = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var list = await api.GetAsync(Uploads.ApiUrl(draft.Id));
        var upload = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("lead")));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var body = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AttachmentKinds.Required.Count, body.GetProperty("attachments").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Applicant, 404, 404, 404)]
    [InlineData(Roles.LeadUnitAdmin, 200, 200, 403)]
    [InlineData(Roles.RecommenderOfficer, 404, 404, 403)]
    [InlineData(Roles.ExchangeCenterStaff, 404, 404, 403)]
    [InlineData(Roles.Expert, 404, 404, 403)]
    [InlineData(Roles.PlatformAdmin, 404, 404, 403)]
    public async Task Api_SystemClientOfTheLeadUnit_ByRole(string role, int list, int download, int upload)
    {
        // A system client acts for a unit, not as a person: it is never the PI or a co-editor.
        var draft = await app.DraftAsync();
        var attachment = (await app.AttachmentsAsync(draft.Id)).First();
        var unit = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Applicant).Select(u => u.UnitId).SingleAsync());
        var api = await app.ApiClientAsync([role], unit);

        Assert.Equal(list, (int)(await api.GetAsync(Uploads.ApiUrl(draft.Id))).StatusCode);
        Assert.Equal(download, (int)(await api.GetAsync($"{Uploads.ApiUrl(draft.Id)}/{attachment.Id}")).StatusCode);
        Assert.Equal(upload, (int)(await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("x")))).StatusCode);
    }

    [Fact]
    public async Task Api_Anonymous_Gets401()
    {
        var draft = await app.DraftAsync();
        var attachment = (await app.AttachmentsAsync(draft.Id)).First();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Uploads.ApiUrl(draft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"{Uploads.ApiUrl(draft.Id)}/{attachment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.UploadApiAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(Pdfs.Minimal("x")))).StatusCode);
    }

    [Fact]
    public async Task Api_ProblemMessages_AreInTheRequestCulture()
    {
        var draft = await app.DraftAsync();
        var api = await app.UserApiAsync(DemoUsers.Applicant);

        var zh = await api.UploadApiAsync(draft.Id, nameof(AttachmentKind.Other), Uploads.File(BadFiles.Png), "x.pdf");
        var en = await api.PostAsync(Uploads.ApiUrl(draft.Id) + "?culture=en", new MultipartFormDataContent
        {
            { new StringContent("Other"), "kind" },
            { Uploads.File(BadFiles.Png), "file", "x.pdf" },
        });

        var zhMessage = (await zh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("message").GetString()!;
        var enMessage = (await en.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.DoesNotContain("[[", zhMessage + enMessage);
        Assert.Contains(zhMessage, c => c >= 0x4E00 && c <= 0x9FFF);
        Assert.DoesNotContain(enMessage, c => c >= 0x4E00 && c <= 0x9FFF);
    }

    private static string PageDownload(ProposalId proposal, AttachmentId attachment) =>
        $"{Uploads.PageUrl(proposal)}?handler=Download&attachmentId={attachment}";
}

public sealed class AttachmentOpenApiTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task OpenApi_DocumentsTheMultipartUpload_AndTheDownloads()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        var upload = paths.GetProperty("/api/v1/pre-proposals/{id}/attachments").GetProperty("post");
        var schema = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", schema.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.True(upload.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(paths.GetProperty("/api/v1/pre-proposals/{id}/attachments").TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/v1/pre-proposals/{id}/attachments/{attachmentId}", out _));
    }
}
