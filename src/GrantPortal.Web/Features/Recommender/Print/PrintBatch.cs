using System.Diagnostics;
using System.Globalization;
using GrantPortal.Web.Features.PreProposals.Print;
using GrantPortal.Web.Features.Recommender.Batch;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Print;

public sealed record PrintedBatch(byte[] Bytes, string FileName);

// The letter or the list of a sent batch, for the officers of the recommending unit that sent it
// and for the Exchange Center's staff; anyone else (another unit's officer, an applicant) gets
// nothing, exactly as for a batch that does not exist. In the request's language; BaseUrl is where
// the verification page lives.
public sealed record PrintBatch(Guid BatchId, BatchDocument Document, CultureInfo Culture, string BaseUrl) : IRequest<PrintedBatch?>;

public sealed class PrintBatchHandler(AppDbContext db, ICurrentUser user, Catalog catalog, TimeProvider clock, ILogger<PrintBatchHandler> log)
    : IRequestHandler<PrintBatch, PrintedBatch?>
{
    public async ValueTask<PrintedBatch?> Handle(PrintBatch request, CancellationToken ct)
    {
        // Load and authorize in one query: what the caller may not see is not found.
        var batch = await VisibleTo(db.RecommendationBatches.AsNoTracking(), user)
            .Where(b => b.Id == request.BatchId)
            .Select(b => new { b.Id, b.ListJson, b.ListHash })
            .SingleOrDefaultAsync(ct);
        if (batch is null) return null;
        // The paper claims this hash: it must be the hash of what is stored.
        if (BatchList.Sha256Hex(batch.ListJson) != batch.ListHash)
            throw new InvalidOperationException($"The stored list of batch {batch.Id} does not match its hash.");
        var list = BatchList.FromJson(batch.ListJson);
        var number = NumberOf(batch.Id, list);
        var now = clock.GetUtcNow();

        var watch = Stopwatch.StartNew();
        var bytes = new BatchPdf(catalog).Render(request.Document, list, number, batch.ListHash, now, request.Culture,
            PrintPreProposalHandler.VerifyUrl(request.BaseUrl, number, batch.ListHash));
        log.LogInformation("Printed the {Document} of batch {BatchId}: {Bytes} bytes in {Milliseconds} ms",
            request.Document, batch.Id, bytes.Length, watch.ElapsedMilliseconds);
        var name = request.Document == BatchDocument.Letter ? "recommendation-letter" : "recommended-projects";
        return new PrintedBatch(bytes, $"{name}-{number}.pdf");
    }

    public static string NumberOf(Guid batchId, BatchList list) => list.Number ?? BatchNumber.Of(batchId, list.CallCode);

    // The officers of the sending unit, and the Exchange Center's staff, to whom it was sent.
    public static IQueryable<Domain.Applications.RecommendationBatch> VisibleTo(IQueryable<Domain.Applications.RecommendationBatch> batches, ICurrentUser user)
    {
        if (user.IsInRole(Roles.ExchangeCenterStaff)) return batches;
        if (user.IsInRole(Roles.RecommenderOfficer) && user.UnitId is { } unit) return batches.Where(b => b.RecommendingUnitId == unit);
        return batches.Where(_ => false);
    }
}
