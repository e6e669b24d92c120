using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// The attachments of a proposal, kind by kind: the current one and the earlier (superseded)
// versions, newest first. Null when the user may not see the proposal.
public sealed record ListAttachments(ProposalId ProposalId) : IRequest<AttachmentList?>;

public sealed record AttachmentList(
    Guid ProposalId, string Title, ApplicationState State, bool CanUpload, long MaxBytes, IReadOnlyList<KindSlot> Kinds)
{
    public IEnumerable<AttachmentView> All => Kinds.SelectMany(k => k.Current is null ? k.Earlier : k.Earlier.Prepend(k.Current));
}

public sealed record KindSlot(AttachmentKind Kind, string? RequiredBy, AttachmentView? Current, IReadOnlyList<AttachmentView> Earlier);

public sealed class ListAttachmentsHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<ListAttachments, AttachmentList?>
{
    public async ValueTask<AttachmentList?> Handle(ListAttachments request, CancellationToken ct)
    {
        var proposal = await db.PreProposals.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == request.ProposalId, ct);
        if (proposal is null) return null;
        var maxBytes = await db.Calls.Where(c => c.Id == proposal.CallId).Select(c => c.AttachmentMaxBytes).SingleAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ProposalId == proposal.Id)
            .OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        var kinds = Enum.GetValues<AttachmentKind>().Select(kind =>
        {
            var ofKind = attachments.Where(a => a.Kind == kind).ToList();
            var required = AttachmentKinds.Required.Where(r => r.Kind == kind).Select(r => r.RuleId).FirstOrDefault();
            return new KindSlot(kind, required,
                ofKind.FirstOrDefault(a => a.SupersededAt is null) is { } current ? AttachmentView.From(current) : null,
                [.. ofKind.Where(a => a.SupersededAt is not null).Select(AttachmentView.From)]);
        }).ToList();
        return new AttachmentList(proposal.Id.Value, proposal.Title, proposal.State, ProposalAccess.CanEdit(proposal, user), maxBytes, kinds);
    }
}
