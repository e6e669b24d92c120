using System.Text.Json.Serialization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Edit;

// The whole editable content of a draft, as the edit page's autosave and the API's PUT send it
// (DOMAIN.md "Pre-proposal content"). Units and people are ids picked from the registries, never
// names typed again. A draft may be partial: nothing here is required before mark-complete.
public sealed class DraftInput
{
    public string? Title { get; set; }
    public Guid? DirectionId { get; set; }
    public Guid? PiPersonId { get; set; }
    public int? PiMonthsPerYear { get; set; }
    public int? DurationMonths { get; set; }
    // 万元 (10,000 yuan).
    public decimal? RequestedBudget { get; set; }
    public decimal? MatchingFundsPercent { get; set; }
    // Participating units, domestic and foreign, in the order shown.
    public List<Guid> Units { get; set; } = [];
    public List<Guid> KeyMembers { get; set; } = [];
    public Guid? ForeignLead { get; set; }
    // FOREIGN-LEAD-AGE: the exception claimed for a foreign lead born before the call's date, and
    // the special statement; shown in the editor only once a foreign lead is chosen.
    [JsonConverter(typeof(JsonStringEnumConverter<ForeignLeadException>))]
    public ForeignLeadException? ForeignLeadException { get; set; }
    public string? ForeignLeadStatement { get; set; }
    public List<Guid> ForeignMembers { get; set; } = [];
    public string? Objectives { get; set; }
    public string? Innovation { get; set; }
    public string? TechnicalRoute { get; set; }
    public string? ResearchBasis { get; set; }
    // One answer per assessment indicator of the direction, by position (DIRECTION-INDICATORS).
    public List<string?> IndicatorAnswers { get; set; } = [];

    public static DraftInput From(PreProposal p, int indicatorCount)
    {
        var answers = new List<string?>();
        var count = Math.Max(indicatorCount, p.IndicatorAnswers.Count == 0 ? 0 : p.IndicatorAnswers.Max(a => a.IndicatorIndex) + 1);
        for (var i = 0; i < count; i++) answers.Add(p.IndicatorAnswers.FirstOrDefault(a => a.IndicatorIndex == i)?.Answer ?? "");
        return new DraftInput
        {
            Title = p.Title,
            DirectionId = p.DirectionId.Value,
            PiPersonId = p.PiPersonId?.Value,
            PiMonthsPerYear = p.PiMonthsPerYear,
            DurationMonths = p.DurationMonths,
            RequestedBudget = p.RequestedBudget,
            MatchingFundsPercent = p.MatchingFundsPercent,
            Units = p.Units.OrderBy(u => u.SortOrder).Select(u => u.UnitId.Value).ToList(),
            KeyMembers = Members(p, MemberRole.KeyMember),
            ForeignLead = p.ForeignLeadPersonId?.Value,
            ForeignLeadException = p.ForeignLeadException,
            ForeignLeadStatement = p.ForeignLeadStatement,
            ForeignMembers = Members(p, MemberRole.ForeignMember),
            Objectives = p.Objectives,
            Innovation = p.Innovation,
            TechnicalRoute = p.TechnicalRoute,
            ResearchBasis = p.ResearchBasis,
            IndicatorAnswers = answers,
        };
    }

    private static List<Guid> Members(PreProposal p, MemberRole role) =>
        p.Members.Where(m => m.Role == role).OrderBy(m => m.SortOrder).Select(m => m.PersonId.Value).ToList();
}

// A unit or person picked into the draft, as the page and the API show it: the document number
// is masked (STYLE.md: personal data is shown only to those who must read it).
public sealed record PickedRecord(Guid Id, string Name, string? NameEn, string Detail, bool IsForeign, bool IsVerified);

public sealed record DirectionChoice(Guid Id, string Number, string Title, string? TitleEn, IReadOnlyList<string> Indicators);

public sealed record CoEditorView(Guid UserId, string Name, string Email, DateTimeOffset InvitedAt);

// A draft as the edit page and GET /api/v1/pre-proposals/{id} read it.
public sealed record DraftView(
    Guid Id,
    Guid CallId,
    string CallCode,
    string CallTitle,
    string? CallTitleEn,
    int NarrativeLimit,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationState>))] ApplicationState State,
    uint Version,
    DateTimeOffset UpdatedAt,
    PickedRecord LeadUnit,
    bool LeadIsEnterprise,
    DraftInput Content,
    int NarrativeCount,
    IReadOnlyList<DirectionChoice> Directions,
    IReadOnlyDictionary<Guid, PickedRecord> Picked,
    IReadOnlyList<CoEditorView> CoEditors,
    bool CanEdit,
    bool IsOwner)
{
    public DirectionChoice? Direction => Directions.FirstOrDefault(d => d.Id == Content.DirectionId);
}

public static class DraftViews
{
    public static IQueryable<PreProposal> WithContent(this IQueryable<PreProposal> query) =>
        query.Include(p => p.Members).Include(p => p.Units).Include(p => p.IndicatorAnswers).Include(p => p.CoEditors);

    public static async Task<DraftView> LoadAsync(AppDbContext db, PreProposal p, ICurrentUser user, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Directions).SingleAsync(c => c.Id == p.CallId, ct);
        var directions = call.Directions.OrderBy(d => d.SortOrder)
            .Select(d => new DirectionChoice(d.Id.Value, d.Number, d.Title, d.TitleEn, d.Indicators)).ToList();
        var indicatorCount = call.Directions.FirstOrDefault(d => d.Id == p.DirectionId)?.Indicators.Count ?? 0;
        var content = DraftInput.From(p, indicatorCount);
        var picked = await PickedAsync(db, [p.LeadUnitId.Value, .. content.Units], [.. Ids(content.PiPersonId), .. content.KeyMembers, .. Ids(content.ForeignLead), .. content.ForeignMembers], ct);
        var lead = await db.Units.AsNoTracking().SingleAsync(u => u.Id == p.LeadUnitId, ct);
        var editorIds = p.CoEditors.Select(c => c.UserId).ToList();
        var editors = await db.Users.AsNoTracking().Where(u => editorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var coEditors = p.CoEditors.OrderBy(c => c.InvitedAt)
            .Select(c => editors.TryGetValue(c.UserId, out var u) ? new CoEditorView(u.Id, u.DisplayName, u.Email ?? "", c.InvitedAt) : null)
            .OfType<CoEditorView>().ToList();
        return new DraftView(p.Id.Value, call.Id.Value, call.Code, call.Title, call.TitleEn, call.NarrativeLimit, p.State, p.Version, p.UpdatedAt,
            picked[lead.Id.Value], lead.Kind == UnitKind.Enterprise, content, p.NarrativeLength(), directions, picked, coEditors,
            ProposalAccess.CanEdit(p, user), ProposalAccess.IsOwner(p, user));
    }

    // Names and details of the units and people a draft refers to (for display only).
    public static async Task<Dictionary<Guid, PickedRecord>> PickedAsync(AppDbContext db, IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var uids = unitIds.Select(g => new UnitId(g)).ToList();
        var pids = personIds.Select(g => new PersonId(g)).ToList();
        var people = await db.People.AsNoTracking().Where(x => pids.Contains(x.Id)).ToListAsync(ct);
        uids.AddRange(people.Where(x => x.UnitId != null).Select(x => x.UnitId!.Value));
        var units = await db.Units.AsNoTracking().Where(u => uids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var result = new Dictionary<Guid, PickedRecord>();
        foreach (var u in units.Values) result[u.Id.Value] = UnitRecord(u);
        foreach (var x in people) result[x.Id.Value] = PersonRecord(x, x.UnitId is { } id ? units.GetValueOrDefault(id) : null);
        return result;
    }

    public static PickedRecord UnitRecord(Unit u) =>
        new(u.Id.Value, u.Name, u.NameEn, u.IsForeign ? $"{u.CountryCode} {u.ForeignRegistrationNumber}" : u.SocialCreditCode ?? "", u.IsForeign, u.IsVerified);

    public static PickedRecord PersonRecord(Person x, Unit? unit) =>
        new(x.Id.Value, x.Name, x.NameEn, (unit is null ? "" : unit.Name + " · ") + RegistryScope.MaskDocument(x.DocumentNumber),
            unit?.IsForeign ?? x.DocumentType != IdentityDocumentType.ResidentIdCard, x.IsVerified);

    private static IEnumerable<Guid> Ids(Guid? id) => id is { } g ? [g] : [];
}
