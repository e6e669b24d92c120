using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GrantPortal.Web.Features.PreProposals.History;

public enum Outcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
    // The same Idempotency-Key was used before with a different request.
    KeyReused,
}

public sealed record StateChangeResult(Outcome Outcome, IReadOnlyList<Error> Errors)
{
    public static readonly StateChangeResult Done = new(Outcome.Done, []);
    public static readonly StateChangeResult NotFound = new(Outcome.NotFound, [Error.For(StateChange.NotFoundCode)]);
    public static readonly StateChangeResult Forbidden = new(Outcome.Forbidden, [Error.For(StateChange.ForbiddenCode)]);
    public static readonly StateChangeResult Conflict = new(Outcome.Conflict, [Error.For(StateChange.ConflictCode)]);
}

// Every change of state of a pre-proposal goes through here: in one transaction, the row is locked
// (SELECT ... FOR UPDATE) before it is read, so that two requests acting on the same proposal
// (a double click, two tabs, a retry) run one after the other and the second sees what the first
// committed. The transitions the domain recorded are saved with the state (the history).
public static class StateChange
{
    public const string NotFoundCode = "Submission.NotFound";
    public const string ForbiddenCode = "Submission.Forbidden";
    public const string ConflictCode = "Submission.Conflict";

    public static Actor ActorOf(ICurrentUser user) =>
        new(user.UserId ?? Guid.Empty, user.Principal.FindFirst(AppClaims.DisplayName)?.Value is { Length: > 0 } name ? name : user.Name);

    // Must run inside a transaction: the lock is held until it ends.
    // One statement: the row is locked (FOR UPDATE in the derived table EF composes on) and read
    // with its owned collections. xmin is the Version (IsRowVersion), not among the row's columns.
    public static Task<PreProposal?> LockAndLoadAsync(AppDbContext db, ProposalId id, CancellationToken ct) =>
        db.PreProposals.FromSql($"SELECT *, xmin FROM pre_proposals WHERE \"Id\" = {id.Value} FOR UPDATE").SingleOrDefaultAsync(ct);

    // Transitions are entities of their own (not owned): the ones the domain just appended are added
    // explicitly, since a client-set Guid key found through a navigation would be taken as existing.
    public static void RecordTransitions(AppDbContext db, PreProposal p, int before)
    {
        foreach (var t in p.Transitions.Skip(before)) db.Transitions.Add(t);
    }

    // Load, authorize the resource, change (the domain reads `now` once, passed in by the caller),
    // save, commit — all under the row lock.
    public static async Task<StateChangeResult> RunAsync(
        AppDbContext db, ICurrentUser user, ProposalId id, Func<PreProposal, bool> may,
        Func<PreProposal, Task<IReadOnlyList<Error>>> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await LockAndLoadAsync(db, id, ct);
        if (p is null || !ProposalAccess.CanView(p, user)) return StateChangeResult.NotFound;
        if (!may(p)) return StateChangeResult.Forbidden;
        var before = p.Transitions.Count;
        var errors = await change(p);
        if (errors.Count > 0) return new StateChangeResult(Outcome.Invalid, errors);
        RecordTransitions(db, p, before);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StateChangeResult.Conflict;
        }
        await tx.CommitAsync(ct);
        return StateChangeResult.Done;
    }

    public static bool IsUniqueViolation(DbUpdateException e, string index) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == index;
}
