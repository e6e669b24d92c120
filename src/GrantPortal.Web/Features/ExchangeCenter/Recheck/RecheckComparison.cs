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
