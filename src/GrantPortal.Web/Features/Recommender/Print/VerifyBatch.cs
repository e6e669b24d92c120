using GrantPortal.Web.Features.Recommender.Batch;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Print;

// What /Verify says of a printed letter or list: both carry the batch's number and the SHA-256 of
// its stored list. A match needs both, and the stored list must still hash to it.
public sealed record VerifiedBatch(string Number, string RecommendingUnit, string? RecommendingUnitEn, string CallCode, string CallTitle, DateTimeOffset SentAt, int ProjectCount);

public static class VerifyBatch
{
    // number: upper case without spaces; hash: lower-case hex (as /Verify normalizes them).
    public static async Task<VerifiedBatch?> FindAsync(AppDbContext db, string number, string hash, ILogger log, CancellationToken ct)
    {
        // The hash selects (it is practically unique); the number, derived from the batch, must agree.
        var candidates = await db.RecommendationBatches.AsNoTracking()
            .Where(b => b.ListHash == hash)
            .Select(b => new { b.Id, b.ListJson })
            .ToListAsync(ct);
        foreach (var b in candidates)
        {
            if (BatchList.Sha256Hex(b.ListJson) != hash)
            {
                log.LogWarning("Batch {BatchId}: stored list does not match its hash", b.Id);
                continue;
            }
            var list = BatchList.FromJson(b.ListJson);
            var own = PrintBatchHandler.NumberOf(b.Id, list);
            if (!string.Equals(own, number, StringComparison.OrdinalIgnoreCase)) continue;
            return new VerifiedBatch(own, list.RecommendingUnit.Name, list.RecommendingUnit.NameEn, list.CallCode, list.CallTitle, list.SentAt, list.Items.Count);
        }
        return null;
    }
}
