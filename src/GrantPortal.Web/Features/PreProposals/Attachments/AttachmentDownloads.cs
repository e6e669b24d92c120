using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// The response headers of a download, the same from the page and the API. Content-Disposition is
// written by the file result (attachment; an ASCII filename and an RFC 6266 / RFC 8187 filename*
// in UTF-8 for Chinese names).
public static class AttachmentDownloads
{
    public const string ContentType = "application/pdf";

    public static EntityTagHeaderValue ETag(AttachmentView a) => new($"\"{a.Sha256}\"");

    public static void Prepare(HttpResponse response, AttachmentView a)
    {
        // Never rendered as anything but what it says it is, and never kept by shared caches.
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = "private, no-cache";
        // The blob stream does not know its length; the record does.
        if (!response.HttpContext.Request.Headers.ContainsKey(HeaderNames.IfNoneMatch)) response.ContentLength = a.SizeBytes;
    }
}
