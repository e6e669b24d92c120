using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Edit;

// The conflict panel: the fields where the user's content and the stored one differ, side by
// side, as people read them (names of picked units and people, not ids).
public sealed record DiffRow(string Field, string Label, string Yours, string Stored);

public static class DraftDiff
{
    public static IReadOnlyList<DiffRow> Compare(DraftInput yours, DraftView stored, IReadOnlyDictionary<Guid, PickedRecord> names, IStringLocalizer l)
    {
        var theirs = stored.Content;
        string Person(Guid? id) => id is { } g ? names.TryGetValue(g, out var r) ? r.Name : g.ToString() : "";
        string People(IEnumerable<Guid> ids) => string.Join("、", ids.Select(i => Person(i)));
        string Direction(Guid? id) => stored.Directions.FirstOrDefault(d => d.Id == id) is { } d ? d.Number + ". " + d.Title : "";
        static string Number(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string Int(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

        var rows = new List<DiffRow>();
        void Row(string field, string label, string a, string b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal)) rows.Add(new DiffRow(field, label, a, b));
        }
        string Label(string field) => l["Draft.Field." + field].Value;

        Row(nameof(DraftInput.Title), Label(nameof(DraftInput.Title)), yours.Title?.Trim() ?? "", theirs.Title ?? "");
        Row(nameof(DraftInput.DirectionId), Label(nameof(DraftInput.DirectionId)), Direction(yours.DirectionId), Direction(theirs.DirectionId));
        Row(nameof(DraftInput.PiPersonId), Label(nameof(DraftInput.PiPersonId)), Person(yours.PiPersonId), Person(theirs.PiPersonId));
        Row(nameof(DraftInput.PiMonthsPerYear), Label(nameof(DraftInput.PiMonthsPerYear)), Int(yours.PiMonthsPerYear), Int(theirs.PiMonthsPerYear));
        Row(nameof(DraftInput.DurationMonths), Label(nameof(DraftInput.DurationMonths)), Int(yours.DurationMonths), Int(theirs.DurationMonths));
        Row(nameof(DraftInput.RequestedBudget), Label(nameof(DraftInput.RequestedBudget)), Number(yours.RequestedBudget), Number(theirs.RequestedBudget));
        Row(nameof(DraftInput.MatchingFundsPercent), Label(nameof(DraftInput.MatchingFundsPercent)), Number(yours.MatchingFundsPercent), Number(theirs.MatchingFundsPercent));
        Row(nameof(DraftInput.Units), Label(nameof(DraftInput.Units)), People(yours.Units), People(theirs.Units));
        Row(nameof(DraftInput.KeyMembers), Label(nameof(DraftInput.KeyMembers)), People(yours.KeyMembers), People(theirs.KeyMembers));
        Row(nameof(DraftInput.ForeignLead), Label(nameof(DraftInput.ForeignLead)), Person(yours.ForeignLead), Person(theirs.ForeignLead));
        string Claim(DraftInput x) => x.ForeignLeadException is { } k ? l["Draft.ForeignLeadException." + k].Value : "";
        Row(nameof(DraftInput.ForeignLeadException), Label(nameof(DraftInput.ForeignLeadException)), Claim(yours), Claim(theirs));
        Row(nameof(DraftInput.ForeignLeadStatement), Label(nameof(DraftInput.ForeignLeadStatement)), yours.ForeignLeadStatement ?? "", theirs.ForeignLeadStatement ?? "");
        Row(nameof(DraftInput.ForeignMembers), Label(nameof(DraftInput.ForeignMembers)), People(yours.ForeignMembers), People(theirs.ForeignMembers));
        Row(nameof(DraftInput.Objectives), Label(nameof(DraftInput.Objectives)), yours.Objectives ?? "", theirs.Objectives ?? "");
        Row(nameof(DraftInput.Innovation), Label(nameof(DraftInput.Innovation)), yours.Innovation ?? "", theirs.Innovation ?? "");
        Row(nameof(DraftInput.TechnicalRoute), Label(nameof(DraftInput.TechnicalRoute)), yours.TechnicalRoute ?? "", theirs.TechnicalRoute ?? "");
        Row(nameof(DraftInput.ResearchBasis), Label(nameof(DraftInput.ResearchBasis)), yours.ResearchBasis ?? "", theirs.ResearchBasis ?? "");
        var count = Math.Max(yours.IndicatorAnswers.Count, theirs.IndicatorAnswers.Count);
        for (var i = 0; i < count; i++)
        {
            Row($"IndicatorAnswers[{i}]", l["Draft.Field.IndicatorAnswer", new Dictionary<string, string> { ["number"] = (i + 1).ToString(CultureInfo.InvariantCulture) }].Value,
                yours.IndicatorAnswers.ElementAtOrDefault(i) ?? "", theirs.IndicatorAnswers.ElementAtOrDefault(i) ?? "");
        }
        return rows;
    }
}
