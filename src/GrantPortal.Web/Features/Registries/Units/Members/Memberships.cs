using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Unit = GrantPortal.Domain.Registries.Unit;

namespace GrantPortal.Web.Features.Registries.Units.Members;

// RECOMMENDER-SCOPE read from the registry: the member lists of associations and alliances, and the
// recommending units whose scope contains a lead unit (the domain's RecommenderScope.Covers decides).
public static class Memberships
{
    // What the rule needs: the lead unit when it is a member of the recommending unit on that day.
    public static async Task<IReadOnlySet<UnitId>> MembersAsync(AppDbContext db, UnitId? recommending, UnitId lead, DateOnly day, CancellationToken ct)
    {
        if (recommending is not { } rec) return new HashSet<UnitId>();
        var rows = await db.UnitMemberships.AsNoTracking()
            .Where(m => m.RecommendingUnitId == rec && m.MemberUnitId == lead)
            .ToListAsync(ct);
        return rows.Where(m => m.IsActiveOn(day)).Select(m => m.MemberUnitId).ToHashSet();
    }

    // The verified recommending units a lead unit may choose on that day, by name. Recommending
    // units are few (provinces, ministries, some associations and alliances): read them all and
    // let the domain's one definition of the scope decide.
    public static async Task<IReadOnlyList<Unit>> RecommendersOfAsync(AppDbContext db, Unit lead, DateOnly day, bool checkScope, CancellationToken ct)
    {
        var kinds = Enum.GetValues<UnitKind>().Where(k => k.IsRecommending()).ToArray();
        var units = await db.Units.AsNoTracking().Where(u => kinds.Contains(u.Kind) && u.IsVerified).OrderBy(u => u.Name).ToListAsync(ct);
        if (!checkScope) return units;
        var memberOf = (await db.UnitMemberships.AsNoTracking().Where(m => m.MemberUnitId == lead.Id).ToListAsync(ct))
            .Where(m => m.IsActiveOn(day)).Select(m => m.RecommendingUnitId).ToHashSet();
        return [.. units.Where(u => RecommenderScope.Covers(u, lead, memberOf.Contains(u.Id)))];
    }
}
