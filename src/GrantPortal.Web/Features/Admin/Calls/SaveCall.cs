using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Calls;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GrantPortal.Web.Features.Admin.Calls;

// Create or edit a call with its directions (issue 3, point 4: a call, its directions, dates and
// limits are data that the platform admin edits). The page and POST/PUT /api/v1/calls send it.
public sealed record SaveCall(Guid? Id, CallData Data) : IRequest<SaveCallResult>;

// The editable fields of a call, in the call's terms: instants for the window, the stated day for
// the recommending units' deadline ("on or before", stored as the end of that day in Beijing time).
// Version is the version the edit is based on (0 for a new call).
public sealed record CallData(
    string Code,
    string Programme,
    string? ProgrammeEn,
    string Title,
    string? TitleEn,
    string? DocumentNumber,
    DateOnly GuidePublishedOn,
    DateTimeOffset PreWindowOpens,
    DateTimeOffset PreWindowCloses,
    DateOnly RecommenderDeadlineOn,
    int NarrativeLimit,
    decimal ShortlistFactorMin,
    decimal ShortlistFactorMax,
    int FullWindowDays,
    DateOnly UnitRegistrationCutoff,
    DateOnly PiBornOnOrAfter,
    DateOnly ForeignLeadBornOnOrAfter,
    DateOnly OngoingCutoff,
    int ForeignPartnerMinYears,
    int KeyMemberLimit,
    int ForeignMemberLimit,
    int ExpertsPerApplication,
    int MaxAvoidedExperts,
    int AttachmentMaxMegabytes,
    IReadOnlyList<string>? RuleIds,
    IReadOnlyList<DirectionData>? Directions,
    uint Version = 0);

// Id: an existing direction of this call, or null for a new one.
public sealed record DirectionData(Guid? Id, string Number, string Title, string? TitleEn, int Slots, IReadOnlyList<string>? Indicators, bool IsExample);

public abstract record SaveCallResult
{
    public sealed record Saved(Guid Id, uint Version) : SaveCallResult;
    public sealed record Invalid(IReadOnlyList<Error> Errors) : SaveCallResult;
    public sealed record NotFound : SaveCallResult;
    // Someone saved the call since the edit began: nothing is saved; Current is what is stored now.
    public sealed record Conflict(CallView Current) : SaveCallResult;
}

public sealed class SaveCallHandler(AppDbContext db, ILogger<SaveCallHandler> log) : IRequestHandler<SaveCall, SaveCallResult>
{
    public async ValueTask<SaveCallResult> Handle(SaveCall request, CancellationToken ct)
    {
        var data = request.Data;
        GrantCall call;
        if (request.Id is { } id)
        {
            var found = await db.Calls.Include(c => c.Directions).SingleOrDefaultAsync(c => c.Id == new CallId(id), ct);
            if (found is null) return new SaveCallResult.NotFound();
            call = found;
            if (call.Version != data.Version) return new SaveCallResult.Conflict(CallView.From(call));
        }
        else
        {
            call = new GrantCall();
        }
        // Authorization: the PlatformAdmin policy at the edge; a call has no owner to check.
        // Once applications exist, a call that already has submissions will restrict edits here
        // (window, rule set, removing directions), so that nothing submitted changes its meaning.

        var errors = SaveCallValidator.Validate(data);
        var candidate = SaveCallValidator.Apply(new GrantCall(), data);
        errors.AddRange(CallWindow.Validate(candidate).Select(SaveCallValidator.ToFormField));
        var code = data.Code?.Trim() ?? "";
        if (code.Length > 0 && await db.Calls.AnyAsync(c => c.Code == code && c.Id != call.Id, ct))
            errors.Add(Error.For("CALL-CODE-DUPLICATE", nameof(CallData.Code), ("code", code)));
        if (errors.Count > 0) return new SaveCallResult.Invalid(errors);

        SaveCallValidator.Apply(call, data);
        SyncDirections(call, data.Directions ?? []);
        if (request.Id is null)
        {
            db.Calls.Add(call);
        }
        else
        {
            // The row is always written, even when only directions change, so that xmin checks the
            // version the edit was based on and moves on: two edits of one call never both win.
            db.Entry(call).Property(c => c.Version).OriginalValue = data.Version;
            db.Entry(call).Property(c => c.Code).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Calls.AsNoTracking().Include(c => c.Directions).SingleOrDefaultAsync(c => c.Id == call.Id, ct);
            return current is null ? new SaveCallResult.NotFound() : new SaveCallResult.Conflict(CallView.From(current));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            // Two saves raced past the checks above; the unique indexes decide.
            db.ChangeTracker.Clear();
            return new SaveCallResult.Invalid([pg.ConstraintName?.Contains("Number", StringComparison.Ordinal) == true
                ? Error.For("CALL-DIRECTION-NUMBER-DUPLICATE", "Directions", ("number", ""))
                : Error.For("CALL-CODE-DUPLICATE", nameof(CallData.Code), ("code", code))]);
        }
        log.LogInformation("Call {CallId} saved (version {Version})", call.Id, call.Version);
        return new SaveCallResult.Saved(call.Id.Value, call.Version);
    }

    private void SyncDirections(GrantCall call, IReadOnlyList<DirectionData> directions)
    {
        var kept = directions.Where(d => d.Id is not null).Select(d => d.Id!.Value).ToHashSet();
        // Later, a direction that applications point to will not be removable (see the note above).
        foreach (var gone in call.Directions.Where(d => !kept.Contains(d.Id.Value)).ToList())
        {
            call.Directions.Remove(gone);
            db.Directions.Remove(gone);
        }
        var order = 0;
        foreach (var d in directions)
        {
            order++;
            var direction = d.Id is { } id ? call.Directions.SingleOrDefault(x => x.Id.Value == id) : null;
            if (direction is null)
            {
                direction = new GuideDirection { CallId = call.Id };
                call.Directions.Add(direction);
                db.Directions.Add(direction);
            }
            direction.Number = d.Number.Trim();
            direction.Title = d.Title.Trim();
            direction.TitleEn = Blank(d.TitleEn);
            direction.Slots = d.Slots;
            var indicators = Indicators(d.Indicators);
            if (!indicators.SequenceEqual(direction.Indicators)) direction.Indicators = indicators;
            direction.IsExample = d.IsExample;
            direction.SortOrder = order;
        }
    }

    internal static List<string> Indicators(IReadOnlyList<string>? lines) =>
        [.. (lines ?? []).Select(l => l.Trim()).Where(l => l.Length > 0)];

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static class SaveCallValidator
{
    // The rule ids a call may use. They live with the seed until the eligibility rule set exists;
    // then this list should come from it.
    public static IReadOnlyList<string> KnownRules => SeedCalls.MostRules;

    public static List<Error> Validate(CallData data)
    {
        var errors = new List<Error>();
        Text(errors, nameof(CallData.Code), data.Code, 40, required: true);
        Text(errors, nameof(CallData.Programme), data.Programme, 200, required: true);
        Text(errors, nameof(CallData.ProgrammeEn), data.ProgrammeEn, 300, required: false);
        Text(errors, nameof(CallData.Title), data.Title, 200, required: true);
        Text(errors, nameof(CallData.TitleEn), data.TitleEn, 300, required: false);
        Text(errors, nameof(CallData.DocumentNumber), data.DocumentNumber, 60, required: false);

        // Counts and limits that CallWindow does not check: none of them may be negative.
        foreach (var (field, value) in new[]
        {
            (nameof(CallData.ForeignPartnerMinYears), data.ForeignPartnerMinYears),
            (nameof(CallData.KeyMemberLimit), data.KeyMemberLimit),
            (nameof(CallData.ForeignMemberLimit), data.ForeignMemberLimit),
            (nameof(CallData.MaxAvoidedExperts), data.MaxAvoidedExperts),
        })
        {
            if (value < 0) errors.Add(Error.For("CALL-LIMIT-RANGE", field));
        }

        foreach (var rule in (data.RuleIds ?? []).Where(r => !KnownRules.Contains(r)))
            errors.Add(Error.For("CALL-RULE-UNKNOWN", nameof(CallData.RuleIds), ("rule", rule)));

        var directions = data.Directions ?? [];
        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < directions.Count; i++)
        {
            var d = directions[i];
            var prefix = $"Directions[{i}].";
            Text(errors, prefix + nameof(DirectionData.Number), d.Number, 20, required: true);
            Text(errors, prefix + nameof(DirectionData.Title), d.Title, 300, required: true);
            Text(errors, prefix + nameof(DirectionData.TitleEn), d.TitleEn, 400, required: false);
            if (!string.IsNullOrWhiteSpace(d.Number) && !numbers.Add(d.Number.Trim()))
                errors.Add(Error.For("CALL-DIRECTION-NUMBER-DUPLICATE", prefix + nameof(DirectionData.Number), ("number", d.Number.Trim())));
            // The slots (拟立项数) are what SHORTLIST-FACTOR multiplies: a direction funds at least one project.
            if (d.Slots < 1)
                errors.Add(Error.For("CALL-DIRECTION-SLOTS", prefix + nameof(DirectionData.Slots)));
        }
        return errors;
    }

    public static GrantCall Apply(GrantCall call, CallData data)
    {
        call.Code = data.Code?.Trim() ?? "";
        call.Programme = data.Programme?.Trim() ?? "";
        call.ProgrammeEn = SaveCallHandler.Blank(data.ProgrammeEn);
        call.Title = data.Title?.Trim() ?? "";
        call.TitleEn = SaveCallHandler.Blank(data.TitleEn);
        call.DocumentNumber = data.DocumentNumber?.Trim() ?? "";
        call.TimeZoneId = BeijingTime.ZoneId;
        call.GuidePublishedOn = data.GuidePublishedOn;
        call.PreWindowOpens = data.PreWindowOpens.ToUniversalTime();
        call.PreWindowCloses = data.PreWindowCloses.ToUniversalTime();
        call.RecommenderDeadline = BeijingTime.EndOfDay(data.RecommenderDeadlineOn).ToUniversalTime();
        call.NarrativeLimit = data.NarrativeLimit;
        call.ShortlistFactorMin = data.ShortlistFactorMin;
        call.ShortlistFactorMax = data.ShortlistFactorMax;
        call.FullWindowDays = data.FullWindowDays;
        call.UnitRegistrationCutoff = data.UnitRegistrationCutoff;
        call.PiBornOnOrAfter = data.PiBornOnOrAfter;
        call.ForeignLeadBornOnOrAfter = data.ForeignLeadBornOnOrAfter;
        call.OngoingCutoff = data.OngoingCutoff;
        call.ForeignPartnerMinYears = data.ForeignPartnerMinYears;
        call.KeyMemberLimit = data.KeyMemberLimit;
        call.ForeignMemberLimit = data.ForeignMemberLimit;
        call.ExpertsPerApplication = data.ExpertsPerApplication;
        call.MaxAvoidedExperts = data.MaxAvoidedExperts;
        call.AttachmentMaxBytes = data.AttachmentMaxMegabytes * CallView.BytesPerMegabyte;
        // In the order of the known rules, so that the same set is always stored the same way.
        var rules = KnownRules.Where(r => (data.RuleIds ?? []).Contains(r)).ToList();
        if (!rules.SequenceEqual(call.RuleIds)) call.RuleIds = rules;
        return call;
    }

    // CallWindow speaks of the call's fields; the edit speaks of the stated deadline day and of MB.
    public static Error ToFormField(Error error) => error.Field switch
    {
        nameof(GrantCall.RecommenderDeadline) => error with { Field = nameof(CallData.RecommenderDeadlineOn) },
        nameof(GrantCall.AttachmentMaxBytes) => error with { Field = nameof(CallData.AttachmentMaxMegabytes) },
        _ => error,
    };

    private static void Text(List<Error> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(Error.For("CALL-FIELD-REQUIRED", field));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(Error.For("CALL-FIELD-TOO-LONG", field, ("max", max)));
        }
    }
}
