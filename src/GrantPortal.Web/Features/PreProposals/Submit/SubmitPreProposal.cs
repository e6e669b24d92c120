using System.Security.Cryptography;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Features.PreProposals.Receipt;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Submit;

// The lead-unit administrator submits a complete pre-proposal to one recommending unit inside
// PRE-WINDOW (issue 4, point 5).
public sealed record SubmitPreProposal(ProposalId Id, Guid? RecommendingUnitId, bool UnitIntegrityConfirmed, string? IdempotencyKey)
    : IRequest<SubmitResult>;

public sealed record SubmitResult(Outcome Outcome, IReadOnlyList<Error> Errors, ReceiptData? Receipt);

public sealed class SubmitPreProposalHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, BlobStore blobs, ILogger<SubmitPreProposalHandler> log)
    : IRequestHandler<SubmitPreProposal, SubmitResult>
{
    public const string Operation = "pre-proposal.submit";
    private const string SubmissionNumberIndex = "IX_pre_proposals_SubmissionNumber";
    private const int Attempts = 3;

    public async ValueTask<SubmitResult> Handle(SubmitPreProposal request, CancellationToken ct)
    {
        if (!Idempotency.IsValidKey(request.IdempotencyKey))
            return new(Outcome.Invalid, [Error.For(Idempotency.InvalidCode, "IdempotencyKey", ("max", Idempotency.MaxKeyLength))], null);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (result, discardedBlobs) = await TrySubmitAsync(request, ct);
                log.LogInformation("SubmitPreProposal {ProposalId}: {Outcome}", request.Id, result.Outcome);
                await DeleteBlobsAsync(discardedBlobs);
                return result;
            }
            // A submission number drawn twice (31^8 numbers per call), or the same Idempotency-Key
            // used at the same instant for another proposal: start again on a clean slate; the next
            // attempt draws a new number, or finds the key's record.
            catch (DbUpdateException e) when (attempt < Attempts
                && (StateChange.IsUniqueViolation(e, SubmissionNumberIndex) || StateChange.IsUniqueViolation(e, Idempotency.UniqueIndex)))
            {
                log.LogWarning("SubmitPreProposal {ProposalId}: unique collision, attempt {Attempt}", request.Id, attempt);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(SubmitResult Result, IReadOnlyList<string> DiscardedBlobs)> TrySubmitAsync(SubmitPreProposal request, CancellationToken ct)
    {
        // Exactly one submission: the row is locked for the whole transaction, so a double click, a
        // second tab or a retried request waits here and then finds the proposal submitted.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await StateChange.LockAndLoadAsync(db, request.Id, ct);
        if (p is null || !ProposalAccess.CanView(p, user)) return (Fail(StateChangeResult.NotFound), []);
        if (!ProposalAccess.IsLeadUnitAdmin(p, user)) return (Fail(StateChangeResult.Forbidden), []);

        var userKey = Idempotency.UserKey(user);
        var requestHash = Idempotency.RequestHash(request.Id, request.RecommendingUnitId, request.UnitIntegrityConfirmed);
        if (request.IdempotencyKey is { } key
            && await Idempotency.FindAsync<ReceiptData>(db, userKey, Operation, key, requestHash, ct) is { } stored)
        {
            return stored.SameRequest
                ? (new SubmitResult(Outcome.Done, [], stored.Response), [])
                : (new SubmitResult(Outcome.KeyReused, [Error.For(Idempotency.ReusedCode, "IdempotencyKey")], null), []);
        }

        // Already submitted (by this request's twin, or earlier): the same receipt, not a second
        // submission and not an error.
        if (p.SubmissionNumber is not null && p.State is not (ApplicationState.Draft or ApplicationState.Complete or ApplicationState.Withdrawn))
        {
            var existing = (await ReceiptData.ForAsync(db, p, ct))!;
            await RecordKeyAsync(request, userKey, requestHash, existing, ct);
            await tx.CommitAsync(ct);
            return (new SubmitResult(Outcome.Done, [], existing), []);
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == p.CallId, ct);
        // timestamptz keeps microseconds: the receipt shown now equals the receipt read back later.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var actor = StateChange.ActorOf(user);

        // Eligibility (issue 5): every blocking finding of the call's rules refuses the submission,
        // all of them at once; review findings let it through (recomputed wherever they are shown).
        // The loader takes the advisory locks of the counted keys first: see EligibilityInputLoader.
        // It reads the chosen recommending unit with the team's units.
        var current = await db.Attachments.Where(a => a.ProposalId == p.Id).ToListAsync(ct);
        var chosen = request.RecommendingUnitId is { } unitGuid ? new UnitId(unitGuid) : (UnitId?)null;
        var eligibility = await new EligibilityInputLoader(db).LoadAsync(p, call, BeijingTime.Today(now), chosen, lockCounts: true, ct, current);
        var unit = chosen is { } chosenId ? eligibility.Units.GetValueOrDefault(chosenId) : null;

        var errors = new List<Error>();
        // RECOMMENDER-SCOPE (which recommending units may recommend which lead units) is a rule of
        // the call's set: a unit outside the lead unit's scope is refused by it below. A unit that
        // is no (verified) recommending unit at all is refused as such, and its scope is moot.
        var invalidRecommender = chosen is not null && (unit is null || !unit.Kind.IsRecommending() || !unit.IsVerified);
        if (chosen is null) errors.Add(Error.For("Submission.RecommenderRequired", "RecommendingUnitId"));
        else if (invalidRecommender) errors.Add(Error.For("Submission.RecommenderInvalid", "RecommendingUnitId"));
        errors.AddRange(RuleSet.Run(eligibility)
            .Where(f => f.IsBlocking && !(invalidRecommender && f.RuleId == "RECOMMENDER-SCOPE"))
            .Select(f => f.ToError()));

        if (errors.Count > 0 || p.State != ApplicationState.Complete)
        {
            // Nothing is saved: the domain only reports its own refusals (state, PRE-WINDOW,
            // integrity) alongside ours, so that the user sees every reason at once.
            var domain = Lifecycle.Submit(p, call, unit?.Id ?? default, request.UnitIntegrityConfirmed, "", "", now, actor);
            return (new SubmitResult(Outcome.Invalid, [.. domain, .. errors], null), []);
        }

        var number = SubmissionNumber.New(call.Code, RandomNumberGenerator.GetInt32);
        var snapshot = await SnapshotBuilder.BuildAsync(db, eligibility, unit!.Id, number, now, actor.Name, [.. current.Where(a => a.IsCurrent)], ct);
        var json = snapshot.ToCanonicalJson();
        var hash = SubmittedSnapshot.Sha256Hex(json);

        var before = p.Transitions.Count;
        var refused = Lifecycle.Submit(p, call, unit.Id, request.UnitIntegrityConfirmed, number, hash, now, actor);
        if (refused.Count > 0) return (new SubmitResult(Outcome.Invalid, refused, null), []);
        p.SubmittedContent = json;
        StateChange.RecordTransitions(db, p, before);

        // Replaced versions are kept until the submission (issue 4, point 4), then discarded: the rows
        // in this transaction, the blobs once it has committed (a blob left behind by a failure is
        // harmless; a row pointing at a deleted blob would not be).
        var superseded = current.Where(a => !a.IsCurrent).ToList();
        db.Attachments.RemoveRange(superseded);

        var receipt = new ReceiptData(p.Id.Value, p.Title, number, now, hash, unit.Id.Value, snapshot.RecommendingUnit.Name, snapshot.RecommendingUnit.NameEn);
        if (request.IdempotencyKey is { } newKey) Idempotency.Add(db, userKey, Operation, newKey, requestHash, StatusCodes.Status200OK, receipt, now);
        await db.SaveChangesAsync(ct);
        // Committed before the reply: a receipt shown is a submission that lasts.
        await tx.CommitAsync(ct);
        return (new SubmitResult(Outcome.Done, [], receipt), [.. superseded.Select(a => a.BlobName)]);
    }

    private async Task RecordKeyAsync(SubmitPreProposal request, Guid userKey, string requestHash, ReceiptData receipt, CancellationToken ct)
    {
        if (request.IdempotencyKey is not { } key) return;
        Idempotency.Add(db, userKey, Operation, key, requestHash, StatusCodes.Status200OK, receipt, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task DeleteBlobsAsync(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            try
            {
                await blobs.Container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            }
            catch (Azure.RequestFailedException e)
            {
                log.LogWarning(e, "Superseded attachment blob {BlobName} not deleted", name);
            }
        }
    }

    private static SubmitResult Fail(StateChangeResult r) => new(r.Outcome, r.Errors, null);
}
