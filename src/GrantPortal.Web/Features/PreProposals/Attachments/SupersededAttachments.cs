using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// For the submission: superseded versions are kept until the proposal is submitted, then discarded.
// Two steps, because the database and the blob store do not share a transaction:
//   var discarded = await superseded.DiscardSupersededAsync(id, ct);  // removes the rows, in your unit of work
//   await db.SaveChangesAsync(ct); await tx.CommitAsync(ct);           // your commit
//   await superseded.DeleteBlobsAsync(discarded, ct);                 // only after it
// If the commit fails nothing is lost; if deleting a blob fails after it, an orphan blob remains
// (harmless: no record points to it).
public sealed class SupersededAttachments(AppDbContext db, BlobStore blobs, ILogger<SupersededAttachments> log)
{
    public async Task<IReadOnlyList<string>> DiscardSupersededAsync(ProposalId proposalId, CancellationToken ct)
    {
        var superseded = await db.Attachments.Where(a => a.ProposalId == proposalId && a.SupersededAt != null).ToListAsync(ct);
        db.Attachments.RemoveRange(superseded);
        return [.. superseded.Select(a => a.BlobName)];
    }

    public async Task DeleteBlobsAsync(IEnumerable<string> blobNames, CancellationToken ct)
    {
        foreach (var name in blobNames)
        {
            try
            {
                await blobs.DeleteIfExistsAsync(name, ct);
            }
            catch (Azure.RequestFailedException ex)
            {
                log.LogWarning(ex, "Superseded attachment blob {BlobName} not deleted", name);
            }
        }
    }
}
