using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Shared;

// What every role's home page shows first: the user's unit and the calls with their windows.
public sealed record HomeData(Unit? Unit, IReadOnlyList<GrantCall> Calls, DateTimeOffset Now)
{
    public static async Task<HomeData> LoadAsync(AppDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var unit = user.UnitId is { } id ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        var calls = await db.Calls.AsNoTracking().Include(c => c.Directions).OrderByDescending(c => c.PreWindowCloses).ToListAsync(ct);
        return new HomeData(unit, calls, clock.GetUtcNow());
    }
}
