using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Edit;

// Saves the whole content of a draft (the page's autosave and PUT /api/v1/pre-proposals/{id}).
// A draft may be partial: completeness and PRE-LENGTH are checked when the PI marks it complete
// (Lifecycle.MarkComplete); here only what could never be right is refused. The save stands on
// the Version the user started from: a stale one is a conflict answered with the stored content,
// never last-write-wins.
public sealed record SaveDraft(ProposalId Id, uint Version, DraftInput Input) : IRequest<SaveDraftResult>;

public enum SaveDraftStatus
{
    Saved,
    Invalid,
    NotFound,
    NotEditable,
    Conflict,
}

// NarrativeCount is the server's PRE-LENGTH count of what was saved (the authority the page shows).
public sealed record SaveDraftResult(SaveDraftStatus Status, uint Version, int NarrativeCount, DateTimeOffset? SavedAt, DraftView? Current, IReadOnlyList<Error> Errors)
{
    public static SaveDraftResult NotFound() => new(SaveDraftStatus.NotFound, 0, 0, null, null, [Error.For("DRAFT-NOT-FOUND")]);
    public static SaveDraftResult NotEditable(ApplicationState state) => new(SaveDraftStatus.NotEditable, 0, 0, null, null, [Error.For("APP-NOT-EDITABLE", null, ("state", state))]);
    public static SaveDraftResult Invalid(IReadOnlyList<Error> errors) => new(SaveDraftStatus.Invalid, 0, 0, null, null, errors);
    public static SaveDraftResult Conflict(DraftView current) => new(SaveDraftStatus.Conflict, current.Version, current.NarrativeCount, null, current, [Error.For("DRAFT-CONFLICT")]);
}

public sealed class SaveDraftHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<SaveDraftHandler> log)
    : IRequestHandler<SaveDraft, SaveDraftResult>
{
    public async ValueTask<SaveDraftResult> Handle(SaveDraft request, CancellationToken ct)
    {
        var p = await db.PreProposals.WithContent().VisibleTo(user).SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null) return SaveDraftResult.NotFound();
        if (!ProposalAccess.CanEdit(p, user)) return SaveDraftResult.NotEditable(p.State);
        if (p.Version != request.Version) return SaveDraftResult.Conflict(await DraftViews.LoadAsync(db, p, user, ct));

        var now = clock.GetUtcNow();
        var input = request.Input;
        var (errors, personUnits) = await SaveDraftValidator.ValidateAsync(db, p, input, ct);
        var newPi = input.PiPersonId is { } pi ? new PersonId(pi) : (PersonId?)null;
        // LOCK-AFTER-ACCEPT: the lead unit and the PI are fixed once accepted (a draft never is,
        // but the rule lives in one place).
        if (Lifecycle.CheckLeadAndPiChange(p, p.LeadUnitId, newPi) is { } locked) errors.Add(locked);
        if (errors.Count > 0) return SaveDraftResult.Invalid(errors);

        Apply(p, input, newPi, personUnits, now);
        db.Entry(p).Property(x => x.Version).OriginalValue = request.Version;
        // The owner row is always written, so that its xmin moves and guards the whole content
        // (members, units and answers live in their own tables).
        db.Entry(p).Property(x => x.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.PreProposals.AsNoTracking().WithContent().SingleOrDefaultAsync(x => x.Id == request.Id, ct);
            return current is null ? SaveDraftResult.NotFound() : SaveDraftResult.Conflict(await DraftViews.LoadAsync(db, current, user, ct));
        }
        log.LogInformation("Draft {ProposalId} saved, version {Version}", p.Id, p.Version);
        return new SaveDraftResult(SaveDraftStatus.Saved, p.Version, p.NarrativeLength(), now, null, []);
    }

    private void Apply(PreProposal p, DraftInput input, PersonId? pi, IReadOnlyDictionary<Guid, UnitId?> personUnits, DateTimeOffset now)
    {
        // Text is stored as typed (HTML included: it is encoded when shown); only the title's
        // surrounding spaces are never meant.
        p.Title = input.Title?.Trim() ?? "";
        p.DirectionId = new DirectionId(input.DirectionId!.Value);
        p.PiPersonId = pi;
        p.PiMonthsPerYear = input.PiMonthsPerYear;
        p.DurationMonths = input.DurationMonths;
        p.RequestedBudget = input.RequestedBudget;
        p.MatchingFundsPercent = input.MatchingFundsPercent;
        p.ForeignLeadException = input.ForeignLeadException;
        p.ForeignLeadStatement = input.ForeignLeadStatement ?? "";
        p.Objectives = input.Objectives ?? "";
        p.Innovation = input.Innovation ?? "";
        p.TechnicalRoute = input.TechnicalRoute ?? "";
        p.ResearchBasis = input.ResearchBasis ?? "";
        p.UpdatedAt = now;

        var added = new List<object>();
        p.Units.Clear();
        foreach (var (unit, i) in input.Units.Select((u, i) => (u, i)))
            Add(p.Units, new ParticipatingUnit { UnitId = new UnitId(unit), SortOrder = i + 1 }, added);
        p.Members.Clear();
        var order = 0;
        foreach (var key in input.KeyMembers) Add(p.Members, Member(key, MemberRole.KeyMember, ++order, personUnits), added);
        if (input.ForeignLead is { } lead) Add(p.Members, Member(lead, MemberRole.ForeignLead, ++order, personUnits), added);
        foreach (var foreign in input.ForeignMembers) Add(p.Members, Member(foreign, MemberRole.ForeignMember, ++order, personUnits), added);
        p.IndicatorAnswers.Clear();
        for (var i = 0; i < input.IndicatorAnswers.Count; i++)
        {
            if (!string.IsNullOrEmpty(input.IndicatorAnswers[i]))
                Add(p.IndicatorAnswers, new IndicatorAnswer { IndicatorIndex = i, Answer = input.IndicatorAnswers[i]! }, added);
        }
        // Owned rows carry client-made keys, which change tracking would read as existing rows:
        // they are new rows, replacing the cleared ones.
        db.ChangeTracker.DetectChanges();
        foreach (var entity in added) db.Entry(entity).State = EntityState.Added;
    }

    private static void Add<T>(List<T> list, T item, List<object> added) where T : class
    {
        list.Add(item);
        added.Add(item);
    }

    private static TeamMember Member(Guid person, MemberRole role, int order, IReadOnlyDictionary<Guid, UnitId?> units) =>
        new() { PersonId = new PersonId(person), Role = role, SortOrder = order, UnitId = units.GetValueOrDefault(person) };
}

public static class SaveDraftValidator
{
    public const int MaxTitle = 200;
    // Far above any narrative within PRE-LENGTH; drafts may exceed the limit while being written.
    public const int MaxSection = 50_000;
    public const int MaxUnits = 30;
    public const int MaxMembers = 60;
    // FOREIGN-LEAD-AGE: the special statement of a claimed exception.
    public const int MaxStatement = 2000;

    // Every error at once, and the unit each picked person belongs to (recorded on the member).
    public static async Task<(List<Error> Errors, IReadOnlyDictionary<Guid, UnitId?> PersonUnits)> ValidateAsync(AppDbContext db, PreProposal p, DraftInput input, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (input.Title is { } title && title.Trim().Length > MaxTitle) errors.Add(Error.For("DRAFT-TOO-LONG", nameof(input.Title), ("max", MaxTitle)));
        foreach (var (field, text) in new[] { (nameof(input.Objectives), input.Objectives), (nameof(input.Innovation), input.Innovation), (nameof(input.TechnicalRoute), input.TechnicalRoute), (nameof(input.ResearchBasis), input.ResearchBasis) })
        {
            if (text is not null && text.Length > MaxSection) errors.Add(Error.For("DRAFT-TOO-LONG", field, ("max", MaxSection)));
        }
        if (input.ForeignLeadException is { } claim && !Enum.IsDefined(claim)) errors.Add(Error.For("DRAFT-EXCEPTION-UNKNOWN", nameof(input.ForeignLeadException)));
        if (input.ForeignLeadStatement is { Length: > MaxStatement }) errors.Add(Error.For("DRAFT-TOO-LONG", nameof(input.ForeignLeadStatement), ("max", MaxStatement)));
        Range(errors, input.PiMonthsPerYear, 1, 12, nameof(input.PiMonthsPerYear));
        Range(errors, input.DurationMonths, 1, 120, nameof(input.DurationMonths));
        Money(errors, input.RequestedBudget, 0, 1_000_000, nameof(input.RequestedBudget));
        Money(errors, input.MatchingFundsPercent, 0, 100, nameof(input.MatchingFundsPercent));

        // The direction belongs to the draft's call; its indicators are the answers expected.
        var direction = input.DirectionId is { } d
            ? await db.Directions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == new DirectionId(d) && x.CallId == p.CallId, ct)
            : null;
        if (direction is null) errors.Add(Error.For("DRAFT-DIRECTION-NOT-IN-CALL", nameof(input.DirectionId)));
        for (var i = 0; i < input.IndicatorAnswers.Count; i++)
        {
            var answer = input.IndicatorAnswers[i];
            if (string.IsNullOrEmpty(answer)) continue;
            if (direction is not null && i >= direction.Indicators.Count)
                errors.Add(Error.For("DRAFT-INDICATOR-UNKNOWN", $"IndicatorAnswers[{i}]", ("number", i + 1)));
            else if (answer.Length > MaxSection)
                errors.Add(Error.For("DRAFT-TOO-LONG", $"IndicatorAnswers[{i}]", ("max", MaxSection)));
        }

        // Units: picked from the registry, each once, never the lead unit itself.
        if (input.Units.Count > MaxUnits) errors.Add(Error.For("DRAFT-TOO-MANY", nameof(input.Units), ("max", MaxUnits)));
        var unitIds = input.Units.Select(u => new UnitId(u)).Distinct().ToList();
        var knownUnits = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => u.Id.Value).ToListAsync(ct);
        var seenUnits = new HashSet<Guid>();
        for (var i = 0; i < input.Units.Count; i++)
        {
            var unit = input.Units[i];
            var field = $"Units[{i}]";
            if (!knownUnits.Contains(unit)) errors.Add(Error.For("DRAFT-UNIT-UNKNOWN", field));
            else if (unit == p.LeadUnitId.Value) errors.Add(Error.For("DRAFT-UNIT-IS-LEAD", field));
            else if (!seenUnits.Add(unit)) errors.Add(Error.For("DRAFT-UNIT-TWICE", field));
        }

        // People: picked from the registry; one person holds one place in the team (PI, key
        // member, foreign lead or foreign member), never two.
        var people = new List<(Guid Id, string Field)>();
        if (input.PiPersonId is { } pi) people.Add((pi, nameof(input.PiPersonId)));
        people.AddRange(input.KeyMembers.Select((x, i) => (x, $"KeyMembers[{i}]")));
        if (input.ForeignLead is { } lead) people.Add((lead, nameof(input.ForeignLead)));
        people.AddRange(input.ForeignMembers.Select((x, i) => (x, $"ForeignMembers[{i}]")));
        if (input.KeyMembers.Count + input.ForeignMembers.Count > MaxMembers) errors.Add(Error.For("DRAFT-TOO-MANY", nameof(input.KeyMembers), ("max", MaxMembers)));
        var personIds = people.Select(x => new PersonId(x.Id)).Distinct().ToList();
        var known = await db.People.AsNoTracking().Where(x => personIds.Contains(x.Id)).Select(x => new { x.Id, x.UnitId }).ToListAsync(ct);
        var units = known.ToDictionary(x => x.Id.Value, x => x.UnitId);
        var seen = new HashSet<Guid>();
        foreach (var (id, field) in people)
        {
            if (!units.ContainsKey(id)) errors.Add(Error.For("DRAFT-PERSON-UNKNOWN", field));
            else if (!seen.Add(id)) errors.Add(Error.For("DRAFT-PERSON-TWICE", field));
        }
        return (errors, units);
    }

    private static void Range(List<Error> errors, int? value, int min, int max, string field)
    {
        if (value is { } v && (v < min || v > max)) errors.Add(Error.For("DRAFT-RANGE", field, ("min", min), ("max", max)));
    }

    // Amounts are kept to the fen (two decimals) and never rounded silently.
    private static void Money(List<Error> errors, decimal? value, decimal min, decimal max, string field)
    {
        if (value is not { } v) return;
        if (v < min || v > max) errors.Add(Error.For("DRAFT-RANGE", field, ("min", min), ("max", max)));
        else if (decimal.Round(v, 2) != v) errors.Add(Error.For("DRAFT-DECIMALS", field, ("places", 2)));
    }
}
