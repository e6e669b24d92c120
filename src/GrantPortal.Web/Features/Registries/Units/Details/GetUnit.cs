using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.Units.Details;

// One unit, or null when it does not exist or the user may not see it (both answer 404).
public sealed record GetUnit(UnitId Id) : IRequest<UnitData?>;

public sealed class GetUnitHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<GetUnit, UnitData?>
{
    public async ValueTask<UnitData?> Handle(GetUnit request, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Visible(user).SingleOrDefaultAsync(u => u.Id == request.Id, ct);
        return unit is null ? null : UnitData.From(unit);
    }
}
