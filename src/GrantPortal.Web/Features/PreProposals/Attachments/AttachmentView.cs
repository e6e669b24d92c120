using System.Globalization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// An attachment's metadata as pages and the API show it (the bytes are fetched by DownloadUrl).
public sealed record AttachmentView(
    Guid Id, string Kind, string FileName, long SizeBytes, string Sha256, DateOnly? SignedOn,
    DateTimeOffset UploadedAt, Guid UploadedByUserId, DateTimeOffset? SupersededAt, bool Current, string DownloadUrl)
{
    public static AttachmentView From(Attachment a) => new(
        a.Id.Value, a.Kind.ToString(), a.FileName, a.SizeBytes, a.Sha256, a.SignedOn, a.UploadedAt, a.UploadedByUserId,
        a.SupersededAt, a.SupersededAt is null, DownloadPath(a.ProposalId, a.Id));

    public static string DownloadPath(ProposalId proposal, AttachmentId attachment) =>
        $"/api/v1/pre-proposals/{proposal}/attachments/{attachment}";

    public static string BlobName(ProposalId proposal, AttachmentId attachment) => $"proposals/{proposal}/{attachment}.pdf";
}

public static class Sizes
{
    public const long Megabyte = 1024L * 1024;

    // Whole megabytes as such ("20"), otherwise one decimal rounded up so that a size just over a
    // limit never reads as the limit itself ("20.1").
    public static string Megabytes(long bytes) =>
        bytes % Megabyte == 0
            ? (bytes / Megabyte).ToString(CultureInfo.InvariantCulture)
            : (Math.Ceiling(bytes * 10m / Megabyte) / 10m).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Readable(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < Megabyte => Math.Ceiling(bytes / 1024m).ToString(CultureInfo.InvariantCulture) + " KB",
        _ => Megabytes(bytes) + " MB",
    };
}
