using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Features.Registries.People;
using GrantPortal.Web.Features.Registries.People.Edit;
using GrantPortal.Web.Features.Registries.Units;
using GrantPortal.Web.Features.Registries.Units.Edit;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Unit = GrantPortal.Domain.Registries.Unit;

namespace GrantPortal.Web.Features.PreProposals.Pickers;

// "Not in the registry?": an applicant proposes a unit or a person with the fields that identify
// it. It is checked as the admin's own entries are (RegistryValidation, through the registry's
// validators), saved unverified (IsVerified = false) so that the platform admin sees it to check,
// and picked at once. A record already in the registry under that code or document is answered
// as it stands (Existing = true) rather than entered twice.
public sealed record ProposeUnit(UnitInput Input) : IRequest<ProposeResult>;

public sealed record ProposePerson(PersonInput Input) : IRequest<ProposeResult>;

public sealed record ProposeResult(PickerHit? Hit, bool Existing, IReadOnlyList<Error> Errors);

public sealed class ProposeUnitHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<Infrastructure.Localization.Messages> l, ILogger<ProposeUnitHandler> log)
    : IRequestHandler<ProposeUnit, ProposeResult>
{
    // What a team may hold; recommending units, state organs and the Exchange Center are the
    // admin's to enter.
    public static readonly UnitKind[] Kinds =
    [
        UnitKind.University, UnitKind.ResearchInstitute, UnitKind.Enterprise, UnitKind.OtherDomestic,
        UnitKind.ForeignUniversity, UnitKind.ForeignResearchInstitute, UnitKind.ForeignEnterprise, UnitKind.ForeignOther,
    ];

    public async ValueTask<ProposeResult> Handle(ProposeUnit request, CancellationToken ct)
    {
        var input = request.Input;
        var proposed = new UnitInput
        {
            Name = input.Name, NameEn = input.NameEn, Kind = input.Kind, SocialCreditCode = input.SocialCreditCode,
            CountryCode = input.CountryCode, ForeignRegistrationNumber = input.ForeignRegistrationNumber,
            RegistrationDate = input.RegistrationDate, IsVerified = false,
        };
        var now = clock.GetUtcNow();
        var unit = SaveUnitValidator.Normalize(proposed, UnitId.New());
        var errors = SaveUnitValidator.Validate(unit, BeijingTime.Today(now));
        if (input.Kind is { } kind && !Kinds.Contains(kind)) errors.Add(Error.For("DRAFT-PROPOSE-KIND", nameof(Unit.Kind)));
        if (errors.Count > 0) return new ProposeResult(null, false, errors);

        var existing = await db.Units.AsNoTracking().FirstOrDefaultAsync(u =>
            (unit.SocialCreditCode != null && u.SocialCreditCode == unit.SocialCreditCode)
            || (unit.ForeignRegistrationNumber != null && u.CountryCode == unit.CountryCode && u.ForeignRegistrationNumber == unit.ForeignRegistrationNumber), ct);
        if (existing is not null) return new ProposeResult(Hit(existing), true, []);

        db.Units.Add(unit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (RegistryScope.IsUniqueViolation(ex, "IX_units_SocialCreditCode") || RegistryScope.IsUniqueViolation(ex, "IX_units_CountryCode_ForeignRegistrationNumber"))
        {
            // Proposed by someone else a moment ago: that record is the one to pick.
            db.ChangeTracker.Clear();
            var raced = await db.Units.AsNoTracking().FirstAsync(u => u.SocialCreditCode == unit.SocialCreditCode && u.CountryCode == unit.CountryCode && u.ForeignRegistrationNumber == unit.ForeignRegistrationNumber, ct);
            return new ProposeResult(Hit(raced), true, []);
        }
        log.LogInformation("Unit {UnitId} proposed by an applicant (unverified)", unit.Id);
        return new ProposeResult(Hit(unit), false, []);
    }

    private PickerHit Hit(Unit u) => PickerSearch.Unit(u, l["Registries.UnitKind." + u.Kind].Value);
}

public sealed class ProposePersonHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<Infrastructure.Localization.Messages> l, ILogger<ProposePersonHandler> log)
    : IRequestHandler<ProposePerson, ProposeResult>
{
    public async ValueTask<ProposeResult> Handle(ProposePerson request, CancellationToken ct)
    {
        var input = request.Input;
        var proposed = new PersonInput
        {
            DocumentType = input.DocumentType, DocumentNumber = input.DocumentNumber, Name = input.Name, NameEn = input.NameEn,
            BirthDate = input.BirthDate, Title = input.Title, Degree = input.Degree, Nationality = input.Nationality,
            UnitId = input.UnitId, IsVerified = false,
        };
        var now = clock.GetUtcNow();
        var person = SavePersonValidator.Normalize(proposed, PersonId.New());
        var errors = SavePersonValidator.Validate(person, proposed, BeijingTime.Today(now));
        if (person.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            errors.Add(Error.For("REG-UNIT-NOT-FOUND", nameof(Person.UnitId)));
        if (errors.Count > 0) return new ProposeResult(null, false, errors);

        var existing = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.DocumentType == person.DocumentType && p.DocumentNumber == person.DocumentNumber, ct);
        if (existing is not null) return new ProposeResult(await HitAsync(existing, ct), true, []);

        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var raced = await db.People.AsNoTracking().FirstAsync(p => p.DocumentType == person.DocumentType && p.DocumentNumber == person.DocumentNumber, ct);
            return new ProposeResult(await HitAsync(raced, ct), true, []);
        }
        log.LogInformation("Person {PersonId} proposed by an applicant (unverified)", person.Id);
        return new ProposeResult(await HitAsync(person, ct), false, []);
    }

    private async Task<PickerHit> HitAsync(Person p, CancellationToken ct)
    {
        var unit = p.UnitId is { } id ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        return PickerSearch.Person(p, unit, l["Registries.DocumentType." + p.DocumentType].Value);
    }
}
