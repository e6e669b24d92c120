using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Unit = GrantPortal.Domain.Registries.Unit;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.Units.Edit;

// Create (Id null) or edit a unit of the registry: platform admin only. Codes are normalized
// before they are validated and stored; every error is returned at once; a save started from
// an older Version than the stored one is refused as a conflict, never last-write-wins.
public sealed record SaveUnit(UnitId? Id, UnitInput Input) : IRequest<SaveResult<UnitData>>;

public sealed class SaveUnitHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<SaveUnitHandler> log)
    : IRequestHandler<SaveUnit, SaveResult<UnitData>>
{
    public async ValueTask<SaveResult<UnitData>> Handle(SaveUnit request, CancellationToken ct)
    {
        Unit? unit = null;
        if (request.Id is { } id)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null) return SaveResult<UnitData>.NotFound();
        }
        if (!RegistryScope.IsAdmin(user)) return SaveResult<UnitData>.Forbidden();
        if (unit is not null && unit.Version != request.Input.Version) return SaveResult<UnitData>.Conflict(UnitData.From(unit));

        var today = BeijingTime.Today(clock.GetUtcNow());
        var candidate = SaveUnitValidator.Normalize(request.Input, unit?.Id ?? UnitId.New());
        var errors = SaveUnitValidator.Validate(candidate, today);
        errors.AddRange(await SaveUnitValidator.DuplicatesAsync(db, candidate, ct));
        if (errors.Count > 0) return SaveResult<UnitData>.Invalid(errors);

        if (unit is null)
        {
            unit = candidate;
            db.Units.Add(unit);
        }
        else
        {
            Copy(candidate, unit);
            db.Entry(unit).Property(u => u.Version).OriginalValue = request.Input.Version;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unit.Id, ct);
            return current is null ? SaveResult<UnitData>.NotFound() : SaveResult<UnitData>.Conflict(UnitData.From(current));
        }
        catch (DbUpdateException ex) when (RegistryScope.IsUniqueViolation(ex, "IX_units_SocialCreditCode"))
        {
            return SaveResult<UnitData>.Invalid([Error.For("REG-USCC-DUPLICATE", nameof(Unit.SocialCreditCode))]);
        }
        catch (DbUpdateException ex) when (RegistryScope.IsUniqueViolation(ex, "IX_units_CountryCode_ForeignRegistrationNumber"))
        {
            return SaveResult<UnitData>.Invalid([Error.For("REG-FOREIGN-DUPLICATE", nameof(Unit.ForeignRegistrationNumber))]);
        }
        log.LogInformation("Unit {UnitId} saved ({Action})", unit.Id, request.Id is null ? "created" : "updated");
        return SaveResult<UnitData>.Saved(UnitData.From(unit));
    }

    private static void Copy(Unit from, Unit to)
    {
        to.Name = from.Name;
        to.NameEn = from.NameEn;
        to.Kind = from.Kind;
        to.SocialCreditCode = from.SocialCreditCode;
        to.CountryCode = from.CountryCode;
        to.ForeignRegistrationNumber = from.ForeignRegistrationNumber;
        to.RegistrationDate = from.RegistrationDate;
        to.IsStateOrgan = from.IsStateOrgan;
        to.IsCreditBlacklisted = from.IsCreditBlacklisted;
        to.Province = from.Province;
        to.SupervisingMinistry = from.SupervisingMinistry;
        to.IsVerified = from.IsVerified;
    }
}

public static class SaveUnitValidator
{
    public static Unit Normalize(UnitInput input, UnitId id) => new()
    {
        Id = id,
        Name = RegistryScope.Clean(input.Name) ?? "",
        NameEn = RegistryScope.Clean(input.NameEn),
        Kind = input.Kind ?? default,
        SocialCreditCode = RegistryScope.Code(input.SocialCreditCode),
        CountryCode = RegistryScope.Code(input.CountryCode),
        ForeignRegistrationNumber = RegistryScope.Code(input.ForeignRegistrationNumber),
        RegistrationDate = input.RegistrationDate,
        IsStateOrgan = input.IsStateOrgan,
        IsCreditBlacklisted = input.IsCreditBlacklisted,
        Province = RegistryScope.Clean(input.Province),
        SupervisingMinistry = RegistryScope.Clean(input.SupervisingMinistry),
        IsVerified = input.IsVerified,
    };

    public static List<Error> Validate(Unit unit, DateOnly today)
    {
        var errors = new List<Error>();
        if (!Enum.IsDefined(unit.Kind)) errors.Add(Error.For("REG-KIND-REQUIRED", nameof(Unit.Kind)));
        errors.AddRange(RegistryValidation.ValidateUnit(unit, today));
        // A Chinese unit is identified by its credit code alone (DOMAIN.md).
        if (!unit.IsForeign && unit.ForeignRegistrationNumber is not null)
            errors.Add(Error.For("REG-FIELD-NOT-APPLICABLE", nameof(Unit.ForeignRegistrationNumber)));
        RegistryScope.MaxLength(errors, unit.Name, 200, nameof(Unit.Name));
        RegistryScope.MaxLength(errors, unit.NameEn, 300, nameof(Unit.NameEn));
        RegistryScope.MaxLength(errors, unit.ForeignRegistrationNumber, 60, nameof(Unit.ForeignRegistrationNumber));
        RegistryScope.MaxLength(errors, unit.Province, 40, nameof(Unit.Province));
        RegistryScope.MaxLength(errors, unit.SupervisingMinistry, 100, nameof(Unit.SupervisingMinistry));
        return errors;
    }

    public static async Task<List<Error>> DuplicatesAsync(AppDbContext db, Unit unit, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (unit.SocialCreditCode is { } code
            && await db.Units.AnyAsync(u => u.SocialCreditCode == code && u.Id != unit.Id, ct))
            errors.Add(Error.For("REG-USCC-DUPLICATE", nameof(Unit.SocialCreditCode)));
        if (unit.ForeignRegistrationNumber is { } number
            && await db.Units.AnyAsync(u => u.CountryCode == unit.CountryCode && u.ForeignRegistrationNumber == number && u.Id != unit.Id, ct))
            errors.Add(Error.For("REG-FOREIGN-DUPLICATE", nameof(Unit.ForeignRegistrationNumber)));
        return errors;
    }
}
