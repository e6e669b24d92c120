using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// The upload posts multipart/form-data that is read as a stream (MultipartUpload), so the page
// binds no form values, and its antiforgery token is checked by hand: the form carries it as its
// first field, which is read before the file and then validated as the request header would be.
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
public sealed class AttachmentsModel(IMediator mediator, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions) : PageModel
{
    public AttachmentList List { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];
    public string? Kind { get; private set; }
    public string? SignedOn { get; private set; }
    public AttachmentView? Uploaded { get; private set; }

    public IEnumerable<Error> ErrorsFor(string field) => Errors.Where(e => e.Field == field);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? uploaded, CancellationToken ct)
    {
        if (await mediator.Send(new ListAttachments(new ProposalId(id)), ct) is not { } list) return NotFound();
        List = list;
        Uploaded = uploaded is { } u ? list.All.FirstOrDefault(a => a.Id == u) : null;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        if (await mediator.Send(new DownloadAttachment(new ProposalId(id), new AttachmentId(attachmentId)), ct) is not { } download) return NotFound();
        AttachmentDownloads.Prepare(Response, download.Attachment);
        return new FileStreamResult(download.Content, AttachmentDownloads.ContentType)
        {
            FileDownloadName = download.Attachment.FileName,
            EntityTag = AttachmentDownloads.ETag(download.Attachment),
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var options = antiforgeryOptions.Value;
        var result = await MultipartUpload.SendAsync(HttpContext, new ProposalId(id), mediator, async fields =>
        {
            Kind = fields.GetValueOrDefault(MultipartUpload.KindField);
            SignedOn = fields.GetValueOrDefault(MultipartUpload.SignedOnField);
            if (options.HeaderName is null || options.FormFieldName is null || !fields.TryGetValue(options.FormFieldName, out var token)) return false;
            Request.Headers[options.HeaderName] = token;
            return await antiforgery.IsRequestValidAsync(HttpContext);
        }, ct);
        if (result is null) return BadRequest();
        if (result.Outcome == UploadOutcome.NotFound) return NotFound();
        if (result.Stored is { } stored) return Redirect($"/PreProposals/Attachments/{id}?uploaded={stored.Id}");

        if (await mediator.Send(new ListAttachments(new ProposalId(id)), ct) is not { } list) return NotFound();
        List = list;
        Errors = result.Errors;
        Response.StatusCode = result.Outcome switch
        {
            UploadOutcome.NotEditor => StatusCodes.Status403Forbidden,
            UploadOutcome.NotEditable => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
