using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Accounts;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Admin.Users;

// Which unit a role may act for (DOMAIN.md "Actors"): an applicant and a lead-unit administrator
// for a lead-capable unit, a recommending-unit officer for a recommending unit (RECOMMENDER-SCOPE
// kinds), Exchange Center staff for the Exchange Center; an expert may name its unit (used for
// conflicts of interest), a platform admin needs none.
public static class UserRules
{
    public static bool UnitFits(string role, Unit unit) => role switch
    {
        Roles.Applicant or Roles.LeadUnitAdmin => AccountChecks.IsLeadCapable(unit),
        Roles.RecommenderOfficer => unit.Kind.IsRecommending(),
        Roles.ExchangeCenterStaff => unit.Kind == UnitKind.ExchangeCenter,
        _ => true,
    };

    public static async Task CheckRolesAndUnitAsync(IReadOnlyList<string>? roles, Guid? unitId, AppDbContext db, List<Error> errors, CancellationToken ct)
    {
        roles ??= [];
        if (roles.Count == 0) errors.Add(new Error("AdminUsers.RoleRequired", "Roles"));
        foreach (var unknown in roles.Where(r => !Roles.All.Contains(r)))
        {
            errors.Add(Error.For("AdminUsers.RoleUnknown", "Roles", ("role", unknown)));
        }
        if (unitId is not { } id)
        {
            if (roles.Any(Roles.NeedsUnit)) errors.Add(new Error("AdminUsers.UnitRequired", "UnitId"));
            return;
        }
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == new UnitId(id), ct);
        if (unit is null)
        {
            errors.Add(new Error("AdminUsers.UnitNotFound", "UnitId"));
            return;
        }
        foreach (var role in roles.Where(Roles.All.Contains).Where(r => !UnitFits(r, unit)))
        {
            errors.Add(Error.For("AdminUsers.UnitDoesNotFitRole", "UnitId", ("role", role)));
        }
    }

    public static async Task<IReadOnlyList<Unit>> UnitOptionsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.IsVerified).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);

    // The option group a unit is listed under in the unit select of the user forms.
    public static string GroupCode(Unit unit) =>
        AccountChecks.IsLeadCapable(unit) ? "AdminUsers.UnitGroup.Lead"
        : unit.Kind.IsRecommending() ? "AdminUsers.UnitGroup.Recommending"
        : unit.Kind == UnitKind.ExchangeCenter ? "AdminUsers.UnitGroup.ExchangeCenter"
        : "AdminUsers.UnitGroup.Other";

    public static string RoleCode(string role) => "AdminUsers.Role." + role;
}
