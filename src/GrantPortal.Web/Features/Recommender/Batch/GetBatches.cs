using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Recommender.Inbox;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Batch;

// The officer's sending page for one call (the latest call addressed to the unit when none is
// chosen): the deadline, what is endorsed and not sent yet, and the batches sent, with their lists.
public sealed record GetBatches(Guid? CallId) : IRequest<BatchesData?>;

public sealed record PendingRow(Guid Id, string? SubmissionNumber, string Title, string LeadUnitName, string? LeadUnitNameEn);

public sealed record SentBatch(Guid Id, DateTimeOffset SentAt, string SentByName, string ListHash, BatchList List);

public sealed record BatchesData(
    Guid? CallId, string? CallCode, DateTimeOffset? Deadline, DateTimeOffset Now, IReadOnlyList<InboxOption> Calls,
    IReadOnlyList<PendingRow> Pending, IReadOnlyList<SentBatch> Batches)
{
    public bool DeadlinePassed => Deadline is { } d && Now >= d;
}

public sealed class GetBatchesHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetBatches, BatchesData?>
{
    public async ValueTask<BatchesData?> Handle(GetBatches request, CancellationToken ct)
    {
        var unit = user.UnitId ?? new UnitId(Guid.Empty);
        var mine = db.PreProposals.AsNoTracking().AddressedTo(user);
        var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.PreWindowCloses)
            .Select(c => new { c.Id, c.Code, c.RecommenderDeadline, Addressed = mine.Any(p => p.CallId == c.Id) }).ToListAsync(ct);
        var chosen = request.CallId is { } id
            ? calls.SingleOrDefault(c => c.Id == new CallId(id))
            : calls.FirstOrDefault(c => c.Addressed) ?? calls.FirstOrDefault();
        if (request.CallId is not null && chosen is null) return null;
        var options = calls.Select(c => new InboxOption(c.Id.Value, c.Code, null)).ToList();
        if (chosen is null) return new BatchesData(null, null, null, clock.GetUtcNow(), options, [], []);

        var pending = await (
                from p in mine
                join u in db.Units on p.LeadUnitId equals u.Id
                where p.CallId == chosen.Id && p.State == ApplicationState.Endorsed && p.SentAt == null
                orderby p.SubmittedAt
                select new PendingRow(p.Id.Value, p.SubmissionNumber, p.Title, u.Name, u.NameEn))
            .ToListAsync(ct);
        var batches = (await db.RecommendationBatches.AsNoTracking()
                .Where(b => b.RecommendingUnitId == unit && b.CallId == chosen.Id)
                .OrderByDescending(b => b.SentAt)
                .ToListAsync(ct))
            .Select(b => new SentBatch(b.Id, b.SentAt, b.SentByName, b.ListHash, BatchList.FromJson(b.ListJson)))
            .ToList();
        return new BatchesData(chosen.Id.Value, chosen.Code, chosen.RecommenderDeadline, clock.GetUtcNow(), options, pending, batches);
    }
}
