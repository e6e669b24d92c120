using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.People.Edit;

// Create (Id null) or edit a person of the registry: platform admin only. People are identified
// by identity document (DOMAIN.md): the number is normalized, a resident ID's check digit and
// embedded birth date are checked, and (type, number) is unique. A stale Version is a conflict.
public sealed record SavePerson(PersonId? Id, PersonInput Input) : IRequest<SaveResult<PersonData>>;

public sealed class SavePersonHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<SavePersonHandler> log)
    : IRequestHandler<SavePerson, SaveResult<PersonData>>
{
    public async ValueTask<SaveResult<PersonData>> Handle(SavePerson request, CancellationToken ct)
    {
        Person? person = null;
        if (request.Id is { } id)
        {
            person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (person is null) return SaveResult<PersonData>.NotFound();
        }
        if (!RegistryScope.IsAdmin(user)) return SaveResult<PersonData>.Forbidden();
        if (person is not null && person.Version != request.Input.Version)
            return await CurrentAsync(person.Id, ct) is { } stored ? SaveResult<PersonData>.Conflict(stored) : SaveResult<PersonData>.NotFound();

        var today = BeijingTime.Today(clock.GetUtcNow());
        var candidate = SavePersonValidator.Normalize(request.Input, person?.Id ?? PersonId.New());
        var errors = SavePersonValidator.Validate(candidate, request.Input, today);
        errors.AddRange(await SavePersonValidator.ReferencesAsync(db, candidate, ct));
        if (errors.Count > 0) return SaveResult<PersonData>.Invalid(errors);

        if (person is null)
        {
            person = candidate;
            db.People.Add(person);
        }
        else
        {
            Copy(candidate, person);
            db.Entry(person).Property(p => p.Version).OriginalValue = request.Input.Version;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await CurrentAsync(person.Id, ct) is { } current ? SaveResult<PersonData>.Conflict(current) : SaveResult<PersonData>.NotFound();
        }
        catch (DbUpdateException ex) when (RegistryScope.IsUniqueViolation(ex, "IX_people_DocumentType_DocumentNumber"))
        {
            return SaveResult<PersonData>.Invalid([Error.For("REG-DOCUMENT-DUPLICATE", nameof(Person.DocumentNumber))]);
        }
        log.LogInformation("Person {PersonId} saved ({Action})", person.Id, request.Id is null ? "created" : "updated");
        return SaveResult<PersonData>.Saved((await CurrentAsync(person.Id, ct))!);
    }

    private async Task<PersonData?> CurrentAsync(PersonId id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;
        var unit = person.UnitId is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) : null;
        return PersonData.From(person, unit, mask: false);
    }

    private static void Copy(Person from, Person to)
    {
        to.DocumentType = from.DocumentType;
        to.DocumentNumber = from.DocumentNumber;
        to.Name = from.Name;
        to.NameEn = from.NameEn;
        to.BirthDate = from.BirthDate;
        to.Title = from.Title;
        to.Degree = from.Degree;
        to.IsCivilServant = from.IsCivilServant;
        to.Nationality = from.Nationality;
        to.UnitId = from.UnitId;
        to.IsVerified = from.IsVerified;
    }
}

public static class SavePersonValidator
{
    public static Person Normalize(PersonInput input, PersonId id) => new()
    {
        Id = id,
        DocumentType = input.DocumentType ?? default,
        DocumentNumber = RegistryScope.Code(input.DocumentNumber) ?? "",
        Name = RegistryScope.Clean(input.Name) ?? "",
        NameEn = RegistryScope.Clean(input.NameEn),
        BirthDate = input.BirthDate ?? default,
        Title = input.Title,
        Degree = input.Degree,
        IsCivilServant = input.IsCivilServant,
        Nationality = RegistryScope.Code(input.Nationality),
        UnitId = input.UnitId is { } unit ? new UnitId(unit) : null,
        IsVerified = input.IsVerified,
    };

    public static List<Error> Validate(Person person, PersonInput input, DateOnly today)
    {
        var errors = new List<Error>();
        if (!Enum.IsDefined(person.DocumentType)) errors.Add(Error.For("REG-DOCTYPE-REQUIRED", nameof(Person.DocumentType)));
        var domain = RegistryValidation.ValidatePerson(person, today);
        if (input.BirthDate is null)
        {
            // Without a birth date there is nothing to compare the resident ID with, and "out of
            // range" would hide the real problem: say that the date is missing.
            errors.AddRange(domain.Where(e => e.Code is not ("REG-BIRTHDATE-RANGE" or "REG-RID-BIRTHDATE-MISMATCH")));
            errors.Add(Error.For("REG-BIRTHDATE-REQUIRED", nameof(Person.BirthDate)));
        }
        else
        {
            errors.AddRange(domain);
        }
        if (!Enum.IsDefined(person.Title)) errors.Add(Error.For("REG-VALUE-INVALID", nameof(Person.Title)));
        if (!Enum.IsDefined(person.Degree)) errors.Add(Error.For("REG-VALUE-INVALID", nameof(Person.Degree)));
        if (person.Nationality is { } nationality && !(nationality.Length == 2 && nationality.All(char.IsAsciiLetterUpper)))
            errors.Add(Error.For("REG-NATIONALITY-FORMAT", nameof(Person.Nationality)));
        RegistryScope.MaxLength(errors, person.DocumentNumber, 30, nameof(Person.DocumentNumber));
        RegistryScope.MaxLength(errors, person.Name, 100, nameof(Person.Name));
        RegistryScope.MaxLength(errors, person.NameEn, 200, nameof(Person.NameEn));
        return errors;
    }

    // The unit comes from the units registry, never retyped; the document is unique.
    public static async Task<List<Error>> ReferencesAsync(AppDbContext db, Person person, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (person.UnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct))
            errors.Add(Error.For("REG-UNIT-NOT-FOUND", nameof(Person.UnitId)));
        if (person.DocumentNumber.Length > 0
            && await db.People.AnyAsync(p => p.DocumentType == person.DocumentType && p.DocumentNumber == person.DocumentNumber && p.Id != person.Id, ct))
            errors.Add(Error.For("REG-DOCUMENT-DUPLICATE", nameof(Person.DocumentNumber)));
        return errors;
    }
}
