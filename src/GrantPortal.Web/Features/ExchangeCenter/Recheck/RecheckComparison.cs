using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;

namespace GrantPortal.Web.Features.ExchangeCenter.Recheck;

public sealed record VerdictChange(RecheckedApplication Application, IReadOnlyList<Finding> Added, IReadOnlyList<Finding> Removed);

// The comparison of a run with the previous completed run of the same call: which applications
// changed verdict (findings added or removed, by rule id and subject), and the findings of this run
// per rule and per guide direction. Without a previous run (or for an application the previous run
// did not hold) the baseline is what submission guaranteed: no blocking finding.
public sealed record RecheckComparison(
    IReadOnlyList<VerdictChange> Changed,
    IReadOnlyList<(string RuleId, int Count)> PerRule,
    IReadOnlyList<(DirectionId Direction, int Count)> PerDirection)
{
    public static string KeyOf(Finding f) => $"{f.RuleId}|{f.SubjectKind}|{f.SubjectId}";

    public static RecheckComparison Compare(IReadOnlyList<RecheckedApplication> current, IReadOnlyList<RecheckedApplication>? previous)
    {
        var before = previous?.ToDictionary(a => a.Id) ?? [];
        var changed = new List<VerdictChange>();
        foreach (var app in current)
        {
            if (before.TryGetValue(app.Id, out var old))
            {
                var added = app.Findings.Where(f => !old.Verdict.Contains(KeyOf(f))).ToList();
                var removed = old.Findings.Where(f => !app.Verdict.Contains(KeyOf(f))).ToList();
                if (added.Count > 0 || removed.Count > 0) changed.Add(new VerdictChange(app, added, removed));
            }
            else
            {
                var blocking = app.Findings.Where(f => f.IsBlocking).ToList();
                if (blocking.Count > 0) changed.Add(new VerdictChange(app, blocking, []));
            }
        }
        var all = current.SelectMany(a => a.Findings.Select(f => (a.DirectionId, f.RuleId))).ToList();
        return new RecheckComparison(
            changed,
            [.. all.GroupBy(x => x.RuleId).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)],
            [.. all.GroupBy(x => x.DirectionId).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2)]);
    }
}

// What the result page lists: the changed verdicts only (default) or every application; optionally
// only those with a finding of one rule (now, added or removed) or of one guide direction.
public sealed record RecheckFilter(string? Rule, DirectionId? Direction, bool ChangedOnly);

// One line of the result list: the application with its current findings, and its change if any.
public sealed record RecheckRow(RecheckedApplication Application, VerdictChange? Change);

public sealed record RecheckPage(IReadOnlyList<RecheckRow> Rows, int Total, int PageNumber, int PageCount)
{
    public const int Size = 100;

    public int From => Total == 0 ? 0 : (PageNumber - 1) * Size + 1;

    public int To => Math.Min(Total, PageNumber * Size);

    // Changed verdicts first (in the order of the run), then the unchanged ones; a page number out
    // of range shows the nearest page.
    public static RecheckPage Of(IReadOnlyList<RecheckedApplication> results, RecheckComparison comparison, RecheckFilter filter, int pageNumber)
    {
        var changed = comparison.Changed.ToDictionary(c => c.Application.Id);
        IEnumerable<RecheckRow> rows = comparison.Changed.Select(c => new RecheckRow(c.Application, c));
        if (!filter.ChangedOnly)
            rows = rows.Concat(results.Where(a => !changed.ContainsKey(a.Id)).Select(a => new RecheckRow(a, null)));
        if (filter.Direction is { } direction)
            rows = rows.Where(r => r.Application.DirectionId == direction);
        if (!string.IsNullOrEmpty(filter.Rule))
        {
            rows = rows.Where(r => r.Application.Findings.Any(f => f.RuleId == filter.Rule)
                || (r.Change is { } c && c.Added.Concat(c.Removed).Any(f => f.RuleId == filter.Rule)));
        }
        var all = rows.ToList();
        var pageCount = Math.Max(1, (all.Count + Size - 1) / Size);
        var number = Math.Clamp(pageNumber, 1, pageCount);
        return new RecheckPage([.. all.Skip((number - 1) * Size).Take(Size)], all.Count, number, pageCount);
    }
}
