using System.Text;
using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// The edge of an upload, shared by the page and the API: reads multipart/form-data section by
// section with MultipartReader (never ReadFormAsync, which would buffer the file), collects the
// small fields that precede the file (kind, signedOn, and the page's antiforgery token), then hands
// the file section's body, unread, to UploadAttachment as a stream. The fields must come before the
// file: browsers send a form's fields in document order, and API clients are told so.
public static class MultipartUpload
{
    public const string KindField = "kind";
    public const string SignedOnField = "signedOn";
    public const string FileField = "file";
    // Room for the multipart framing and the small fields on top of the file itself.
    public const long Overhead = Sizes.Megabyte;
    private const int FieldMaxChars = 2048;

    // beforeFile sees the fields read so far and may stop the upload (returns false): the page checks
    // its antiforgery token there. A null result means it stopped.
    public static async Task<UploadAttachmentResult?> SendAsync(
        HttpContext http, ProposalId id, IMediator mediator, Func<IReadOnlyDictionary<string, string>, Task<bool>>? beforeFile, CancellationToken ct)
    {
        // Who may upload and how much, before a byte of the body is read.
        var check = await mediator.Send(new CheckUpload(id), ct);
        if (check.Refusal is { } refusal) return refusal;

        // The request is cut off by the server once it passes the call's limit plus the framing:
        // Kestrel refuses a larger declared Content-Length at once and stops a chunked body there.
        var limit = check.MaxBytes + Overhead;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        var declared = http.Request.ContentLength;
        if (declared > limit) return UploadAttachmentResult.Refused(UploadOutcome.Invalid, UploadRules.TooLarge(check.MaxBytes, declared.Value));

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return UploadAttachmentResult.Refused(UploadOutcome.Invalid, Error.For(AttachmentErrors.NotMultipart, UploadAttachmentValidator.FileField));
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = limit };
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                {
                    if (!disposition.IsFileDisposition()) fields[name] = await ReadFieldAsync(section.Body, ct);
                    continue;
                }
                if (beforeFile is not null && !await beforeFile(fields)) return null;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                // A file input left empty by the browser arrives as a file part without a name.
                return await mediator.Send(new UploadAttachment(
                    id, fields.GetValueOrDefault(KindField), fields.GetValueOrDefault(SignedOnField),
                    string.IsNullOrEmpty(fileName) ? null : fileName, section.Body, declared), ct);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return UploadAttachmentResult.Refused(UploadOutcome.Invalid, UploadRules.TooLarge(check.MaxBytes, Math.Max(declared ?? 0, limit + 1)));
        }
        catch (InvalidDataException)
        {
            return UploadAttachmentResult.Refused(UploadOutcome.Invalid, Error.For(AttachmentErrors.NotMultipart, UploadAttachmentValidator.FileField));
        }
        if (beforeFile is not null && !await beforeFile(fields)) return null;
        return await mediator.Send(new UploadAttachment(id, fields.GetValueOrDefault(KindField), fields.GetValueOrDefault(SignedOnField), null, Stream.Null, declared), ct);
    }

    // A small text field; anything beyond FieldMaxChars is not a value we use.
    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[FieldMaxChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        await body.CopyToAsync(Stream.Null, ct);
        return new string(buffer, 0, read);
    }
}

// Razor Pages bind a POST's form through value providers that call ReadFormAsync, which would read
// (and buffer) the whole upload before the handler runs; this removes them for the page it marks.
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisableFormValueModelBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context) { }
}
