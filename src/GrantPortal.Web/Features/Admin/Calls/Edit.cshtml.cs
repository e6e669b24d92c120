using System.Globalization;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Calls;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.Calls;

// Create or edit a call: binds the form, converts Beijing date and time inputs to instants, sends
// SaveCall and shows its errors beside the fields. Input is never lost: a refused save re-shows
// everything typed, and a conflict shows the stored values next to the user's.
[BindProperties]
public sealed class EditModel(IMediator mediator) : PageModel
{
    public string? Code { get; set; }
    public string? Programme { get; set; }
    public string? ProgrammeEn { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? GuidePublishedOn { get; set; }
    public DateOnly? PreWindowOpensDate { get; set; }
    public TimeOnly? PreWindowOpensTime { get; set; }
    public DateOnly? PreWindowClosesDate { get; set; }
    public TimeOnly? PreWindowClosesTime { get; set; }
    public DateOnly? RecommenderDeadlineOn { get; set; }
    public int? NarrativeLimit { get; set; }
    public decimal? ShortlistFactorMin { get; set; }
    public decimal? ShortlistFactorMax { get; set; }
    public int? FullWindowDays { get; set; }
    public DateOnly? UnitRegistrationCutoff { get; set; }
    public DateOnly? PiBornOnOrAfter { get; set; }
    public DateOnly? ForeignLeadBornOnOrAfter { get; set; }
    public DateOnly? OngoingCutoff { get; set; }
    public int? ForeignPartnerMinYears { get; set; }
    public int? KeyMemberLimit { get; set; }
    public int? ForeignMemberLimit { get; set; }
    public int? ExpertsPerApplication { get; set; }
    public int? MaxAvoidedExperts { get; set; }
    public int? AttachmentMaxMegabytes { get; set; }
    public List<string> RuleIds { get; set; } = [];
    public List<DirectionRow> Directions { get; set; } = [];
    public uint Version { get; set; }

    [BindNever] public Guid? Id { get; private set; }
    [BindNever] public bool Saved { get; private set; }
    [BindNever] public IReadOnlyList<Error> Errors { get; private set; } = [];
    [BindNever] public IReadOnlyList<(string Field, string Mine, string Stored)> ConflictRows { get; private set; } = [];
    [BindNever] public bool IsConflict { get; private set; }

    public sealed class DirectionRow
    {
        public Guid? Id { get; set; }
        public string? Number { get; set; }
        public string? Title { get; set; }
        public string? TitleEn { get; set; }
        public int? Slots { get; set; }
        public string? Indicators { get; set; }
        public bool IsExample { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Title)
            && string.IsNullOrWhiteSpace(TitleEn) && Slots is null && string.IsNullOrWhiteSpace(Indicators);
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        Id = id;
        Saved = saved;
        if (id is { } callId)
        {
            if (await mediator.Send(new GetCall(callId), ct) is not { } call) return NotFound();
            Fill(call);
        }
        else
        {
            // A new call starts from the parameters of the MOST call (DOMAIN.md); dates are left to the admin.
            NarrativeLimit = 3000; ShortlistFactorMin = 3; ShortlistFactorMax = 4; FullWindowDays = 30;
            ForeignPartnerMinYears = 3; KeyMemberLimit = 2; ForeignMemberLimit = 2; ExpertsPerApplication = 5;
            MaxAvoidedExperts = 3; AttachmentMaxMegabytes = 20; RuleIds = [.. SaveCallValidator.KnownRules];
            PreWindowOpensTime = new TimeOnly(8, 0); PreWindowClosesTime = new TimeOnly(16, 0);
            Directions = [new DirectionRow { Slots = 1 }];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var (data, rowOfItem, errors) = ToData();
        if (data is null)
        {
            Errors = errors;
            return Page();
        }
        switch (await mediator.Send(new SaveCall(id, data), ct))
        {
            case SaveCallResult.Saved saved:
                return RedirectToPage("/Admin/Calls/Edit", new { id = saved.Id, saved = true });
            case SaveCallResult.Invalid invalid:
                Errors = [.. invalid.Errors.Select(e => ToRowField(e, rowOfItem))];
                return Page();
            case SaveCallResult.Conflict conflict:
                IsConflict = true;
                ConflictRows = Differences(conflict.Current);
                // Saving again, having seen the stored values, replaces them with the user's.
                Version = conflict.Current.Version;
                ModelState.Remove(nameof(Version));
                return Page();
            default:
                return NotFound();
        }
    }

    // Another direction row, without saving; everything typed so far is shown again.
    public IActionResult OnPostAddDirection(Guid? id)
    {
        Id = id;
        Directions.Add(new DirectionRow { Slots = 1 });
        return Page();
    }

    public IEnumerable<Error> ErrorsFor(string field) => Errors.Where(e => e.Field == field);

    // The id of the input a field's error points to (as the tag helpers generate it).
    public static string InputId(string field) => field switch
    {
        "PreWindowOpens" => "PreWindowOpensDate",
        "PreWindowCloses" => "PreWindowClosesDate",
        "RuleIds" => "rules",
        "Directions" => "directions",
        _ => HtmlId(field),
    };

    // The label of the field an error concerns, for the summary at the top.
    public static string LabelCode(string? field)
    {
        if (field is null) return "CallEdit.Directions";
        var dot = field.LastIndexOf('.');
        return field.StartsWith("Directions[", StringComparison.Ordinal) && dot > 0 ? "CallEdit.Direction" + field[(dot + 1)..] : "CallEdit." + field;
    }

    public static string HtmlId(string field) => field.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    private (CallData? Data, List<int> RowOfItem, List<Error> Errors) ToData()
    {
        var errors = new List<Error>();
        T Need<T>(T? value, string field, string? errorField = null) where T : struct
        {
            if (value is null) errors.Add(Error.For(ModelState[field] is { Errors.Count: > 0 } ? "CALL-FIELD-INVALID" : "CALL-FIELD-REQUIRED", errorField ?? field));
            return value.GetValueOrDefault();
        }

        var published = Need(GuidePublishedOn, nameof(GuidePublishedOn));
        var opensDate = Need(PreWindowOpensDate, nameof(PreWindowOpensDate), "PreWindowOpens");
        var opensTime = Need(PreWindowOpensTime, nameof(PreWindowOpensTime), "PreWindowOpens");
        var closesDate = Need(PreWindowClosesDate, nameof(PreWindowClosesDate), "PreWindowCloses");
        var closesTime = Need(PreWindowClosesTime, nameof(PreWindowClosesTime), "PreWindowCloses");
        var deadline = Need(RecommenderDeadlineOn, nameof(RecommenderDeadlineOn));
        var narrative = Need(NarrativeLimit, nameof(NarrativeLimit));
        var factorMin = Need(ShortlistFactorMin, nameof(ShortlistFactorMin));
        var factorMax = Need(ShortlistFactorMax, nameof(ShortlistFactorMax));
        var fullWindow = Need(FullWindowDays, nameof(FullWindowDays));
        var unitCutoff = Need(UnitRegistrationCutoff, nameof(UnitRegistrationCutoff));
        var piBorn = Need(PiBornOnOrAfter, nameof(PiBornOnOrAfter));
        var foreignBorn = Need(ForeignLeadBornOnOrAfter, nameof(ForeignLeadBornOnOrAfter));
        var ongoing = Need(OngoingCutoff, nameof(OngoingCutoff));
        var partnerYears = Need(ForeignPartnerMinYears, nameof(ForeignPartnerMinYears));
        var keyMembers = Need(KeyMemberLimit, nameof(KeyMemberLimit));
        var foreignMembers = Need(ForeignMemberLimit, nameof(ForeignMemberLimit));
        var experts = Need(ExpertsPerApplication, nameof(ExpertsPerApplication));
        var avoided = Need(MaxAvoidedExperts, nameof(MaxAvoidedExperts));
        var attachment = Need(AttachmentMaxMegabytes, nameof(AttachmentMaxMegabytes));

        var directions = new List<DirectionData>();
        var rowOfItem = new List<int>();
        for (var i = 0; i < Directions.Count; i++)
        {
            var row = Directions[i];
            if (row.Remove || row.IsBlank) continue;
            var slots = Need(row.Slots, $"Directions[{i}].Slots");
            rowOfItem.Add(i);
            directions.Add(new DirectionData(row.Id, row.Number ?? "", row.Title ?? "", row.TitleEn, slots,
                (row.Indicators ?? "").Split('\n'), row.IsExample));
        }
        if (errors.Count > 0) return (null, rowOfItem, [.. errors.DistinctBy(e => e.Field)]);

        return (new CallData(
            Code ?? "", Programme ?? "", ProgrammeEn, Title ?? "", TitleEn, DocumentNumber,
            published, BeijingTime.At(opensDate, opensTime), BeijingTime.At(closesDate, closesTime), deadline,
            narrative, factorMin, factorMax, fullWindow, unitCutoff, piBorn, foreignBorn, ongoing,
            partnerYears, keyMembers, foreignMembers, experts, avoided, attachment,
            RuleIds, directions, Version), rowOfItem, errors);
    }

    // The command numbers the directions it received; the form numbers its rows (removed and blank rows included).
    private static Error ToRowField(Error error, List<int> rowOfItem)
    {
        if (error.Field is not { } field || !field.StartsWith("Directions[", StringComparison.Ordinal)) return error;
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(field.AsSpan(11, close - 11), NumberStyles.None, CultureInfo.InvariantCulture, out var item) || item >= rowOfItem.Count) return error;
        return error with { Field = $"Directions[{rowOfItem[item]}]" + field[(close + 1)..] };
    }

    private void Fill(CallView c)
    {
        Code = c.Code; Programme = c.Programme; ProgrammeEn = c.ProgrammeEn; Title = c.Title; TitleEn = c.TitleEn;
        DocumentNumber = c.DocumentNumber; GuidePublishedOn = c.GuidePublishedOn;
        PreWindowOpensDate = DateOnly.FromDateTime(c.PreWindowOpens.DateTime); PreWindowOpensTime = TimeOnly.FromDateTime(c.PreWindowOpens.DateTime);
        PreWindowClosesDate = DateOnly.FromDateTime(c.PreWindowCloses.DateTime); PreWindowClosesTime = TimeOnly.FromDateTime(c.PreWindowCloses.DateTime);
        RecommenderDeadlineOn = c.RecommenderDeadlineOn;
        NarrativeLimit = c.NarrativeLimit; ShortlistFactorMin = c.ShortlistFactorMin; ShortlistFactorMax = c.ShortlistFactorMax;
        FullWindowDays = c.FullWindowDays; UnitRegistrationCutoff = c.UnitRegistrationCutoff; PiBornOnOrAfter = c.PiBornOnOrAfter;
        ForeignLeadBornOnOrAfter = c.ForeignLeadBornOnOrAfter; OngoingCutoff = c.OngoingCutoff;
        ForeignPartnerMinYears = c.ForeignPartnerMinYears; KeyMemberLimit = c.KeyMemberLimit; ForeignMemberLimit = c.ForeignMemberLimit;
        ExpertsPerApplication = c.ExpertsPerApplication; MaxAvoidedExperts = c.MaxAvoidedExperts; AttachmentMaxMegabytes = c.AttachmentMaxMegabytes;
        RuleIds = [.. c.RuleIds];
        Directions = [.. c.Directions.Select(d => new DirectionRow
        {
            Id = d.Id, Number = d.Number, Title = d.Title, TitleEn = d.TitleEn, Slots = d.Slots,
            Indicators = string.Join("\n", d.Indicators), IsExample = d.IsExample,
        })];
        Version = c.Version;
    }

    private List<(string Field, string Mine, string Stored)> Differences(CallView stored)
    {
        var mine = Values(this);
        var storedForm = new EditModel(mediator);
        storedForm.Fill(stored);
        var theirs = Values(storedForm);
        return [.. mine.Where(kv => theirs.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => (kv.Key, kv.Value, theirs.GetValueOrDefault(kv.Key) ?? ""))];
    }

    private static Dictionary<string, string> Values(EditModel m)
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        static string T(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
        static string N(decimal? n) => n?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        return new()
        {
            ["Code"] = m.Code ?? "", ["Programme"] = m.Programme ?? "", ["ProgrammeEn"] = m.ProgrammeEn ?? "",
            ["Title"] = m.Title ?? "", ["TitleEn"] = m.TitleEn ?? "", ["DocumentNumber"] = m.DocumentNumber ?? "",
            ["GuidePublishedOn"] = D(m.GuidePublishedOn),
            ["PreWindowOpens"] = D(m.PreWindowOpensDate) + " " + T(m.PreWindowOpensTime),
            ["PreWindowCloses"] = D(m.PreWindowClosesDate) + " " + T(m.PreWindowClosesTime),
            ["RecommenderDeadlineOn"] = D(m.RecommenderDeadlineOn),
            ["NarrativeLimit"] = N(m.NarrativeLimit), ["ShortlistFactorMin"] = N(m.ShortlistFactorMin), ["ShortlistFactorMax"] = N(m.ShortlistFactorMax),
            ["FullWindowDays"] = N(m.FullWindowDays), ["UnitRegistrationCutoff"] = D(m.UnitRegistrationCutoff),
            ["PiBornOnOrAfter"] = D(m.PiBornOnOrAfter), ["ForeignLeadBornOnOrAfter"] = D(m.ForeignLeadBornOnOrAfter),
            ["OngoingCutoff"] = D(m.OngoingCutoff), ["ForeignPartnerMinYears"] = N(m.ForeignPartnerMinYears),
            ["KeyMemberLimit"] = N(m.KeyMemberLimit), ["ForeignMemberLimit"] = N(m.ForeignMemberLimit),
            ["ExpertsPerApplication"] = N(m.ExpertsPerApplication), ["MaxAvoidedExperts"] = N(m.MaxAvoidedExperts),
            ["AttachmentMaxMegabytes"] = N(m.AttachmentMaxMegabytes),
            ["RuleIds"] = string.Join(", ", SaveCallValidator.KnownRules.Where(m.RuleIds.Contains)),
            ["Directions"] = string.Join("; ", m.Directions.Where(d => !d.Remove && !d.IsBlank)
                .Select(d => $"{d.Number?.Trim()}. {d.Title?.Trim()} ({N(d.Slots)})")),
        };
    }
}
