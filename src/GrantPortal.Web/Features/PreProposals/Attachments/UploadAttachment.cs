using System.Globalization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// Uploads (or replaces) the attachment of one kind. The content is a stream read once, front to
// back, straight into blob storage: the page and the API hand over the multipart section's body.
public sealed record UploadAttachment(
    ProposalId ProposalId, string? Kind, string? SignedOn, string? FileName, Stream Content, long? DeclaredLength = null)
    : IRequest<UploadAttachmentResult>;

public enum UploadOutcome { Stored, Invalid, NotFound, NotEditor, NotEditable }

public sealed record UploadAttachmentResult(UploadOutcome Outcome, AttachmentView? Stored, IReadOnlyList<Error> Errors)
{
    public static UploadAttachmentResult Refused(UploadOutcome outcome, params Error[] errors) => new(outcome, null, errors);
}

// Asked before the request body is read: may this user upload to this proposal, and how large may
// the file be. The edge sets the request's size limit from it; UploadAttachment checks it again.
public sealed record CheckUpload(ProposalId ProposalId) : IRequest<UploadCheck>;

public sealed record UploadCheck(UploadAttachmentResult? Refusal, long MaxBytes);

internal static class UploadRules
{
    public static async Task<(PreProposal? Proposal, long MaxBytes)> LoadAsync(AppDbContext db, ICurrentUser user, ProposalId id, CancellationToken ct)
    {
        var proposal = await db.PreProposals.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return (null, 0);
        var max = await db.Calls.Where(c => c.Id == proposal.CallId).Select(c => c.AttachmentMaxBytes).SingleAsync(ct);
        return (proposal, max);
    }

    // Not visible: 404, so that the id leaks nothing. Visible but not an editor (the lead unit's
    // administrator, for instance): refused. An editor of a proposal that left Draft: APP-NOT-EDITABLE.
    public static UploadAttachmentResult? Refusal(PreProposal? proposal, ICurrentUser user) => proposal switch
    {
        null => UploadAttachmentResult.Refused(UploadOutcome.NotFound, Error.For(AttachmentErrors.NotFound)),
        _ when !ProposalAccess.IsEditor(proposal, user) => UploadAttachmentResult.Refused(UploadOutcome.NotEditor, Error.For(AttachmentErrors.NotEditor)),
        _ when !ProposalAccess.CanEdit(proposal, user) => UploadAttachmentResult.Refused(UploadOutcome.NotEditable,
            Error.For(AttachmentErrors.NotEditable, null, ("state", proposal.State))),
        _ => null,
    };

    public static Error TooLarge(long maxBytes, long size) =>
        Error.For(AttachmentErrors.TooLarge, UploadAttachmentValidator.FileField, ("max", Sizes.Megabytes(maxBytes)), ("size", Sizes.Megabytes(size)));
}

public static class UploadAttachmentValidator
{
    public const string KindField = "Kind";
    public const string SignedOnField = "SignedOn";
    public const string FileField = "File";

    public static (AttachmentKind Kind, DateOnly? SignedOn, List<Error> Errors) Validate(UploadAttachment c, DateTimeOffset now)
    {
        var errors = new List<Error>();
        AttachmentKind kind = default;
        if (string.IsNullOrWhiteSpace(c.Kind)) errors.Add(Error.For(AttachmentErrors.KindRequired, KindField));
        else if (Enum.GetNames<AttachmentKind>().FirstOrDefault(n => string.Equals(n, c.Kind.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name)
            kind = Enum.Parse<AttachmentKind>(name);
        else errors.Add(Error.For(AttachmentErrors.KindInvalid, KindField));

        DateOnly? signedOn = null;
        if (kind == AttachmentKind.JointAgreement)
        {
            if (string.IsNullOrWhiteSpace(c.SignedOn)) errors.Add(Error.For(AttachmentErrors.SignedOnRequired, SignedOnField));
            else if (!DateOnly.TryParseExact(c.SignedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add(Error.For(AttachmentErrors.SignedOnInvalid, SignedOnField));
            else if (date > BeijingTime.Today(now))
                errors.Add(Error.For(AttachmentErrors.SignedOnFuture, SignedOnField, ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            else signedOn = date;
        }
        if (c.FileName is null) errors.Add(Error.For(AttachmentErrors.FileRequired, FileField));
        return (kind, signedOn, errors);
    }
}

public sealed class CheckUploadHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<CheckUpload, UploadCheck>
{
    public async ValueTask<UploadCheck> Handle(CheckUpload request, CancellationToken ct)
    {
        var (proposal, max) = await UploadRules.LoadAsync(db, user, request.ProposalId, ct);
        return new UploadCheck(UploadRules.Refusal(proposal, user), max);
    }
}

public sealed class UploadAttachmentHandler(AppDbContext db, BlobStore blobs, ICurrentUser user, TimeProvider clock, ILogger<UploadAttachmentHandler> log)
    : IRequestHandler<UploadAttachment, UploadAttachmentResult>
{
    public async ValueTask<UploadAttachmentResult> Handle(UploadAttachment request, CancellationToken ct)
    {
        var (proposal, maxBytes) = await UploadRules.LoadAsync(db, user, request.ProposalId, ct);
        if (UploadRules.Refusal(proposal, user) is { } refusal) return refusal;
        var now = clock.GetUtcNow();
        var (kind, signedOn, errors) = UploadAttachmentValidator.Validate(request, now);
        if (errors.Count > 0) return new UploadAttachmentResult(UploadOutcome.Invalid, null, errors);

        // The first bytes decide whether this is a PDF at all, before anything reaches the store.
        var header = new byte[PdfContent.HeaderLength];
        var got = await request.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        if (got == 0) return Invalid(AttachmentErrors.Empty);
        if (!PdfContent.HasHeader(header.AsSpan(0, got))) return Invalid(AttachmentErrors.NotPdf);

        var attachment = new Attachment
        {
            ProposalId = proposal!.Id,
            Kind = kind,
            FileName = PdfContent.SafeFileName(request.FileName),
            SignedOn = signedOn,
            UploadedAt = now,
            UploadedByUserId = user.UserId!.Value,
        };
        attachment.BlobName = AttachmentView.BlobName(proposal.Id, attachment.Id);

        // Streamed: the inspecting stream hashes and counts what passes through and keeps only the
        // last KiB; the store sends it on in blocks. Over the limit it ends early and is refused.
        await using var content = new InspectingStream(request.Content, maxBytes, header.AsMemory(0, got));
        try
        {
            await blobs.UploadNewAsync(attachment.BlobName, content, "application/pdf", ct);
        }
        catch
        {
            await blobs.DeleteIfExistsAsync(attachment.BlobName, CancellationToken.None);
            throw;
        }
        Error? broken = content.TooLarge
            ? UploadRules.TooLarge(maxBytes, Math.Max(request.DeclaredLength ?? 0, maxBytes + 1))
            : !PdfContent.HasTrailer(content.Tail()) ? Error.For(AttachmentErrors.PdfBroken, UploadAttachmentValidator.FileField) : null;
        if (broken is not null)
        {
            await blobs.DeleteIfExistsAsync(attachment.BlobName, CancellationToken.None);
            log.LogInformation("Attachment upload to {ProposalId} refused: {Code}", proposal.Id, broken.Code);
            return UploadAttachmentResult.Refused(UploadOutcome.Invalid, broken);
        }
        attachment.Sha256 = content.Sha256Hex();
        attachment.SizeBytes = content.BytesRead;

        try
        {
            var stored = await RecordAsync(attachment, ct);
            if (stored is not null) return stored;
        }
        catch
        {
            await blobs.DeleteIfExistsAsync(attachment.BlobName, CancellationToken.None);
            throw;
        }
        await blobs.DeleteIfExistsAsync(attachment.BlobName, CancellationToken.None);
        return UploadAttachmentResult.Refused(UploadOutcome.NotEditable, Error.For(AttachmentErrors.NotEditable));
    }

    // The record is written under a row lock on the proposal (SELECT ... FOR UPDATE), and its state
    // read again after the lock: two uploads of the same kind cannot both stay current, and an upload
    // racing a "mark complete" either lands before it or is refused, never after it. The lock leaves
    // the proposal's xmin (its Version) untouched, so it does not disturb autosave.
    private async Task<UploadAttachmentResult?> RecordAsync(Attachment attachment, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM pre_proposals WHERE \"Id\" = {attachment.ProposalId.Value} FOR UPDATE", ct);
        var state = await db.PreProposals.Where(p => p.Id == attachment.ProposalId).Select(p => p.State).SingleAsync(ct);
        if (state != ApplicationState.Draft) return null;
        var earlier = await db.Attachments
            .Where(a => a.ProposalId == attachment.ProposalId && a.Kind == attachment.Kind && a.SupersededAt == null)
            .ToListAsync(ct);
        foreach (var old in earlier) old.SupersededAt = attachment.UploadedAt;
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Attachment {AttachmentId} ({Kind}) stored for {ProposalId}, {Superseded} superseded",
            attachment.Id, attachment.Kind, attachment.ProposalId, earlier.Count);
        return new UploadAttachmentResult(UploadOutcome.Stored, AttachmentView.From(attachment), []);
    }

    private static UploadAttachmentResult Invalid(string code) =>
        UploadAttachmentResult.Refused(UploadOutcome.Invalid, Error.For(code, UploadAttachmentValidator.FileField));
}
