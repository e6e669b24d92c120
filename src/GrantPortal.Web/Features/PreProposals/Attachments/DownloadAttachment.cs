using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// One attachment's bytes, streamed from the store, for anyone who may see the proposal. Null (404)
// when the proposal is not visible or holds no such attachment: the two are indistinguishable.
public sealed record DownloadAttachment(ProposalId ProposalId, AttachmentId AttachmentId) : IRequest<AttachmentDownload?>;

public sealed record AttachmentDownload(AttachmentView Attachment, Stream Content);

public sealed class DownloadAttachmentHandler(AppDbContext db, BlobStore blobs, ICurrentUser user, ILogger<DownloadAttachmentHandler> log)
    : IRequestHandler<DownloadAttachment, AttachmentDownload?>
{
    public async ValueTask<AttachmentDownload?> Handle(DownloadAttachment request, CancellationToken ct)
    {
        if (!await db.PreProposals.VisibleTo(user).AnyAsync(p => p.Id == request.ProposalId, ct)) return null;
        var attachment = await db.Attachments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == request.AttachmentId && a.ProposalId == request.ProposalId, ct);
        if (attachment is null) return null;
        log.LogInformation("Attachment {AttachmentId} of {ProposalId} downloaded", attachment.Id, attachment.ProposalId);
        return new AttachmentDownload(AttachmentView.From(attachment), await blobs.OpenReadAsync(attachment.BlobName, ct));
    }
}
