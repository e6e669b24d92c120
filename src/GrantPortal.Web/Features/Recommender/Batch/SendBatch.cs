using System.Security.Cryptography;
using System.Text;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Batch;

// The officer sends the endorsed, not yet sent applications of one call to the Exchange Center,
// before the recommending units' deadline (PRE-WINDOW); an empty batch is refused. The batch keeps
// the canonical list (and its hash) the letter and the list of projects will be printed from.
public sealed record SendBatch(CallId CallId) : IRequest<BatchResult>;

public sealed record BatchResult(Outcome Outcome, IReadOnlyList<Error> Errors, BatchData? Batch);

public sealed record BatchData(Guid Id, Guid CallId, DateTimeOffset SentAt, string SentByName, string ListHash, BatchList List);

public sealed class SendBatchHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<SendBatchHandler> log) : IRequestHandler<SendBatch, BatchResult>
{
    public async ValueTask<BatchResult> Handle(SendBatch request, CancellationToken ct)
    {
        if (user.UnitId is not { } unitId) return new(Outcome.NotFound, StateChangeResult.NotFound.Errors, null);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CallId, ct);
        if (call is null) return new(Outcome.NotFound, StateChangeResult.NotFound.Errors, null);

        // Two officers of the unit sending at once: the second waits here, then finds nothing left
        // to send (the unique index on the batch items is the last word).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lockKey = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"batch|{unitId}|{call.Id}")), 0);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
        // The rows are locked too: a decision on one of them waits until the batch is committed.
        var endorsed = ApplicationState.Endorsed.ToString();
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM pre_proposals WHERE \"RecommendingUnitId\" = {unitId.Value} AND \"CallId\" = {call.Id.Value} AND \"State\" = {endorsed} FOR UPDATE", ct);
        var proposals = await db.PreProposals.AddressedTo(user)
            .Where(p => p.CallId == call.Id && p.State == ApplicationState.Endorsed && p.SentAt == null)
            .OrderBy(p => p.SubmittedAt)
            .ToListAsync(ct);

        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var errors = Recommendation.CheckSend(call, proposals.Count, now);
        if (errors.Count > 0) return new(Outcome.Invalid, errors, null);

        var actor = StateChange.ActorOf(user);
        var batch = new RecommendationBatch { RecommendingUnitId = unitId, CallId = call.Id, SentAt = now, SentByUserId = actor.UserId, SentByName = actor.Name };
        var list = await BuildListAsync(call, unitId, proposals, now, actor, BatchNumber.Of(batch.Id, call.Code), ct);
        var json = list.ToCanonicalJson();
        batch.ListJson = json;
        batch.ListHash = BatchList.Sha256Hex(json);
        batch.Items = [.. proposals.Select((p, i) => new RecommendationBatchItem
        {
            BatchId = batch.Id, ProposalId = p.Id, SubmissionNumber = p.SubmissionNumber ?? "", ContentHash = p.ContentHash ?? "", SortOrder = i + 1,
        })];
        db.RecommendationBatches.Add(batch);
        foreach (var p in proposals)
        {
            var before = p.Transitions.Count;
            Recommendation.MarkSent(p, now, actor);
            StateChange.RecordTransitions(db, p, before);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Batch {BatchId} of unit {UnitId} for call {CallId}: {Count} application(s)", batch.Id, unitId, call.Id, proposals.Count);
        return new(Outcome.Done, [], new BatchData(batch.Id, call.Id.Value, now, actor.Name, batch.ListHash, list));
    }

    private async Task<BatchList> BuildListAsync(
        Domain.Calls.GrantCall call, UnitId unitId, IReadOnlyList<PreProposal> proposals, DateTimeOffset now, Actor by, string number, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        // The letter names whom the Exchange Center can reach: the sending officer, as the account reads now.
        var account = await db.Users.AsNoTracking().Where(u => u.Id == by.UserId).Select(u => new { u.Email, u.PhoneNumber }).SingleOrDefaultAsync(ct);
        var directionIds = proposals.Select(p => p.DirectionId).Distinct().ToList();
        var directions = await db.Directions.AsNoTracking().Where(d => directionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        // The names as submitted: each submission's own snapshot (SubmittedContent), not today's registry.
        var items = proposals.Select((p, i) =>
        {
            var s = p.SubmittedContent is { } content ? SubmittedSnapshot.FromJson(content) : null;
            var d = directions[p.DirectionId];
            return new BatchListItem(i + 1, p.Id.Value, p.SubmissionNumber ?? "", s?.Title ?? p.Title, d.Number, d.Title,
                s?.LeadUnit.Name ?? "", s?.LeadUnit.Identifier ?? "", s?.Pi.Name, p.DurationMonths, p.RequestedBudget, p.SubmittedAt ?? now, p.ContentHash ?? "");
        }).ToList();
        return new BatchList(
            new BatchListUnit(unit.Id.Value, unit.Name, unit.NameEn, unit.SocialCreditCode, unit.Kind.ToString(), unit.Province, unit.SupervisingMinistry),
            call.Code, call.Title, now, by.Name, items, number, new BatchListContact(by.Name, account?.Email, account?.PhoneNumber));
    }
}
