using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;

namespace GrantPortal.Bench;

// One draft taken all the way to a submission through the real pages, so that its printed copy
// can be fetched over HTTP: the PI saves it full, uploads the required attachments and marks it
// complete; the lead unit's administrator submits it.
public static partial class Submission
{
    public static async Task SubmitAsync(Browser pi, Browser lead, Guid id, Team team, int narrative, CancellationToken ct)
    {
        var page = await Drafts.EditPageAsync(pi, id, ct);
        using (var save = await pi.Http.SendAsync(Drafts.SaveRequest(page, page.Version, Drafts.Content(page, team, narrative, 1, 0)), ct))
            Expect(save, HttpStatusCode.OK, "saving the draft to submit");

        var signed = BeijingTime.Today(TimeProvider.System.GetUtcNow()).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (kind, _) in AttachmentKinds.Required)
        {
            var html = await pi.GetHtmlAsync($"/PreProposals/Attachments/{id}", ct);
            // The fields in the form's order: the token first, the file last.
            using var form = new MultipartFormDataContent
            {
                { new StringContent(Browser.Token(html)), "__RequestVerificationToken" },
                { new StringContent(kind.ToString()), "kind" },
                { new StringContent(kind == AttachmentKind.JointAgreement ? signed : ""), "signedOn" },
            };
            var file = new ByteArrayContent(MinimalPdf($"{kind} {Guid.NewGuid():N}"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", kind + ".pdf");
            using var upload = await pi.Http.PostAsync($"/PreProposals/Attachments/{id}", form, ct);
            Expect(upload, HttpStatusCode.Redirect, $"uploading {kind}");
        }

        using (var complete = await pi.PostFormAsync($"/PreProposals/Complete/{id}", new Dictionary<string, string>(), ct: ct))
            Expect(complete, HttpStatusCode.Redirect, "marking it complete");

        var submitUrl = $"/PreProposals/Submit/{id}";
        var submitForm = await lead.GetHtmlAsync(submitUrl, ct);
        var key = Regex.Match(submitForm, "name=\"IdempotencyKey\" value=\"([^\"]+)\"");
        var unit = Regex.Match(submitForm, "<option value=\"([0-9a-f-]{36})\"");
        if (!key.Success || !unit.Success) throw new BenchException("the submit form has no idempotency key or recommending unit");
        using var submit = await lead.Http.PostAsync(submitUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.Token(submitForm),
            ["IdempotencyKey"] = key.Groups[1].Value,
            ["RecommendingUnitId"] = unit.Groups[1].Value,
            ["UnitIntegrityConfirmed"] = "true",
        }), ct);
        Expect(submit, HttpStatusCode.Redirect, "submitting it");
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
            throw new BenchException($"{what}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri?.PathAndQuery}, expected {(int)status}");
    }

    // The smallest PDF a reader accepts (as tests/…/Support/Proposals.cs Pdfs.Minimal).
    public static byte[] MinimalPdf(string text)
    {
        var stream = $"BT /F1 12 Tf 72 770 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
