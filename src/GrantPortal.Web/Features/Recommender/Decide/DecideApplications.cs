using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Mail;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Decide;

// A recommending-unit officer endorses (推荐), returns (with a reason) or declines (with a reason)
// one application or a selection. Each item carries the Version the officer saw: two officers
// deciding the same application at once — the row is locked, the first decides, the second finds
// another Version and is told so (Conflict), nothing is overwritten. Each item is decided in its
// own transaction, so one refusal does not undo the others.
public sealed record DecisionItem(ProposalId Id, uint Version);

public sealed record DecideApplications(IReadOnlyList<DecisionItem> Items, Decision Decision, string? Reason) : IRequest<DecisionResults>;

public sealed record DecisionOutcome(Guid Id, Outcome Outcome, IReadOnlyList<Error> Errors, ApplicationState? State, uint? Version);

// Errors: refusals of the request as a whole (nothing chosen, no reason); else one outcome per item.
public sealed record DecisionResults(IReadOnlyList<Error> Errors, IReadOnlyList<DecisionOutcome> Items)
{
    public bool AllDone => Errors.Count == 0 && Items.All(i => i.Outcome == Outcome.Done);
}

public sealed class DecideApplicationsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Outbox outbox, IConfiguration configuration,
    IHttpContextAccessor http, ILogger<DecideApplicationsHandler> log) : IRequestHandler<DecideApplications, DecisionResults>
{
    public const int MaxItems = 200;
    public const string ConflictCode = "Recommendation.Conflict";

    // Read once for a whole selection (up to MaxItems applications of one officer's unit, mostly
    // of one call): the calls and the recommending unit's name.
    private readonly Dictionary<CallId, GrantCall> calls = [];
    private readonly Dictionary<UnitId, string> unitNames = [];

    public async ValueTask<DecisionResults> Handle(DecideApplications request, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (!Enum.IsDefined(request.Decision)) errors.Add(Error.For("Recommendation.DecisionRequired", "Decision"));
        if (request.Items.Count == 0) errors.Add(Error.For("Recommendation.NothingSelected", "Selected"));
        if (request.Items.Count > MaxItems) errors.Add(Error.For("Recommendation.TooMany", "Selected", ("max", MaxItems)));
        if (request.Decision is Decision.Return or Decision.Decline && string.IsNullOrWhiteSpace(request.Reason))
            errors.Add(Error.For(Recommendation.ReasonRequired, "Reason"));
        if (request.Reason is { Length: > Recommendation.MaxReasonLength })
            errors.Add(Error.For(Recommendation.ReasonTooLong, "Reason", ("max", Recommendation.MaxReasonLength)));
        if (errors.Count > 0) return new(errors, []);

        var outcomes = new List<DecisionOutcome>();
        foreach (var item in request.Items.DistinctBy(i => i.Id))
        {
            var outcome = await DecideAsync(item, request.Decision, request.Reason, ct);
            db.ChangeTracker.Clear();
            log.LogInformation("Decide {Decision} {ProposalId}: {Outcome}", request.Decision, item.Id, outcome.Outcome);
            outcomes.Add(outcome);
        }
        return new([], outcomes);
    }

    private async Task<DecisionOutcome> DecideAsync(DecisionItem item, Decision decision, string? reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await StateChange.LockAndLoadAsync(db, item.Id, ct);
        if (p is null || !RecommenderAccess.IsAddressedTo(p, user))
            return new(item.Id.Value, Outcome.NotFound, StateChangeResult.NotFound.Errors, null, null);
        if (p.Version != item.Version)
            return new(p.Id.Value, Outcome.Conflict, [Error.For(ConflictCode, null, ("state", p.State))], p.State, p.Version);

        var sent = RecommenderAccess.IsSent(p);
        if (!calls.TryGetValue(p.CallId, out var call))
            calls[p.CallId] = call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == p.CallId, ct);
        var now = clock.GetUtcNow();
        var before = p.Transitions.Count;
        var refused = Recommendation.Decide(p, call, decision, reason, sent, now, StateChange.ActorOf(user));
        if (refused.Count > 0) return new(p.Id.Value, Outcome.Invalid, refused, p.State, p.Version);
        StateChange.RecordTransitions(db, p, before);

        var unitId = p.RecommendingUnitId!.Value;
        if (!unitNames.TryGetValue(unitId, out var unit))
            unitNames[unitId] = unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        await DecisionMails.EnqueueAsync(db, outbox, DecisionMails.BaseUrl(configuration, http.HttpContext), p, unit, decision, reason, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(p.Id.Value, Outcome.Conflict, [Error.For(ConflictCode, null, ("state", p.State))], null, null);
        }
        await tx.CommitAsync(ct);
        return new(p.Id.Value, Outcome.Done, [], p.State, p.Version);
    }
}
