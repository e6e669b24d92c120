using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.PreProposals.Edit;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Unit = GrantPortal.Domain.Registries.Unit;

namespace GrantPortal.Web.Features.PreProposals.Pickers;

// The pickers of the edit page: units and people are picked from the registries, never retyped
// (issue 4, point 1). Any applicant may search the whole registry (a team spans units), so what
// it returns is what a team list shows anyway: names, unit, kind, a masked document number.
// Names match anywhere; codes and document numbers only whole (normalized), so that a search
// confirms a number only to someone who already holds it.
public sealed record SearchUnits(string? Term, bool? Foreign) : IRequest<IReadOnlyList<PickerHit>>;

public sealed record SearchPeople(string? Term) : IRequest<IReadOnlyList<PickerHit>>;

public sealed record PickerHit(Guid Id, string Name, string? NameEn, string Detail, string Kind, bool IsForeign, bool IsVerified);

public static class PickerSearch
{
    public const int Limit = 20;

    public static PickerHit Unit(Unit u, string kind) => new(u.Id.Value, u.Name, u.NameEn, DraftViews.UnitRecord(u).Detail, kind, u.IsForeign, u.IsVerified);

    public static PickerHit Person(Person p, Unit? unit, string kind) =>
        new(p.Id.Value, p.Name, p.NameEn, DraftViews.PersonRecord(p, unit).Detail, kind, DraftViews.PersonRecord(p, unit).IsForeign, p.IsVerified);
}

public sealed class SearchUnitsHandler(AppDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.Messages> l)
    : IRequestHandler<SearchUnits, IReadOnlyList<PickerHit>>
{
    // Units a team may hold: lead and participating units (UNIT-MAINLAND) and foreign partners.
    private static readonly UnitKind[] Domestic = [UnitKind.University, UnitKind.ResearchInstitute, UnitKind.Enterprise, UnitKind.OtherDomestic];
    private static readonly UnitKind[] Foreign = [UnitKind.ForeignUniversity, UnitKind.ForeignResearchInstitute, UnitKind.ForeignEnterprise, UnitKind.ForeignOther];

    public async ValueTask<IReadOnlyList<PickerHit>> Handle(SearchUnits request, CancellationToken ct)
    {
        if (RegistryScope.Clean(request.Term) is not { } term) return [];
        var kinds = request.Foreign switch { true => Foreign, false => Domestic, null => [.. Domestic, .. Foreign] };
        var like = RegistryScope.Contains(term);
        var code = term.ToUpperInvariant();
        var units = await db.Units.AsNoTracking()
            .Where(u => kinds.Contains(u.Kind))
            .Where(u => EF.Functions.ILike(u.Name, like) || (u.NameEn != null && EF.Functions.ILike(u.NameEn, like))
                || u.SocialCreditCode == code || u.ForeignRegistrationNumber == code)
            .OrderBy(u => u.Name).ThenBy(u => u.Id).Take(PickerSearch.Limit).ToListAsync(ct);
        return units.Select(u => PickerSearch.Unit(u, l["Registries.UnitKind." + u.Kind].Value)).ToList();
    }
}

public sealed class SearchPeopleHandler(AppDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.Messages> l)
    : IRequestHandler<SearchPeople, IReadOnlyList<PickerHit>>
{
    public async ValueTask<IReadOnlyList<PickerHit>> Handle(SearchPeople request, CancellationToken ct)
    {
        if (RegistryScope.Clean(request.Term) is not { } term) return [];
        var like = RegistryScope.Contains(term);
        var number = term.ToUpperInvariant();
        var people = await db.People.AsNoTracking()
            .Where(p => EF.Functions.ILike(p.Name, like) || (p.NameEn != null && EF.Functions.ILike(p.NameEn, like)) || p.DocumentNumber == number)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PickerSearch.Limit).ToListAsync(ct);
        var unitIds = people.Where(p => p.UnitId != null).Select(p => p.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return people.Select(p =>
        {
            var unit = p.UnitId is { } id ? units.GetValueOrDefault(id) : null;
            return PickerSearch.Person(p, unit, l["Registries.DocumentType." + p.DocumentType].Value);
        }).ToList();
    }
}
