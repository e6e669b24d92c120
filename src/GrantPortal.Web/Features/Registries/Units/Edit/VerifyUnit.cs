using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.Units.Edit;

// A unit proposed by an applicant stays unverified until the platform admin has checked it
// (Unit.IsVerified); this marks it checked, from the Version the admin looked at.
public sealed record VerifyUnit(UnitId Id, uint Version) : IRequest<SaveResult<UnitData>>;

public sealed class VerifyUnitHandler(AppDbContext db, ICurrentUser user, ILogger<VerifyUnitHandler> log)
    : IRequestHandler<VerifyUnit, SaveResult<UnitData>>
{
    public async ValueTask<SaveResult<UnitData>> Handle(VerifyUnit request, CancellationToken ct)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == request.Id, ct);
        if (unit is null) return SaveResult<UnitData>.NotFound();
        if (!RegistryScope.IsAdmin(user)) return SaveResult<UnitData>.Forbidden();
        if (unit.Version != request.Version) return SaveResult<UnitData>.Conflict(UnitData.From(unit));
        if (unit.IsVerified) return SaveResult<UnitData>.Saved(UnitData.From(unit));

        unit.IsVerified = true;
        db.Entry(unit).Property(u => u.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.Id, ct);
            return current is null ? SaveResult<UnitData>.NotFound() : SaveResult<UnitData>.Conflict(UnitData.From(current));
        }
        log.LogInformation("Unit {UnitId} verified", unit.Id);
        return SaveResult<UnitData>.Saved(UnitData.From(unit));
    }
}
