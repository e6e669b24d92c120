using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Applications;

// A PDF attached to a pre-proposal. The bytes live in blob storage under BlobName; the platform
// records their SHA-256 and size. Replacing an attachment supersedes it: the earlier version is kept
// (SupersededAt set) until the submission, when superseded versions are discarded.
public sealed class Attachment
{
    public AttachmentId Id { get; set; } = AttachmentId.New();
    public ProposalId ProposalId { get; set; }
    public AttachmentKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string BlobName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long SizeBytes { get; set; }
    // DOC-JOINT-AGREEMENT: the joint agreement carries its signing date.
    public DateOnly? SignedOn { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid UploadedByUserId { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }

    public bool IsCurrent => SupersededAt is null;
}
