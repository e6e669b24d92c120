using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Admin.Users;

// One user as the platform admin sees it; ConcurrencyStamp is Identity's concurrency token and
// plays the part of Version in the edit form.
public sealed record UserDetails(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? UnitId, string? UnitName, string? UnitNameEn,
    bool EmailConfirmed, DateTimeOffset? LockoutEnd, bool Disabled, DateTimeOffset CreatedAt, string ConcurrencyStamp);

public sealed record GetUser(Guid Id) : IRequest<UserDetails?>;

public sealed class GetUserHandler(AppDbContext db) : IRequestHandler<GetUser, UserDetails?>
{
    public async ValueTask<UserDetails?> Handle(GetUser request, CancellationToken ct) => await LoadAsync(db, request.Id, ct);

    public static async Task<UserDetails?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == id
                           orderby r.Name
                           select r.Name!).ToListAsync(ct);
        var unit = user.UnitId is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) : null;
        return new UserDetails(user.Id, user.Email ?? "", user.DisplayName, roles, unit?.Id.Value, unit?.Name, unit?.NameEn,
            user.EmailConfirmed, user.LockoutEnd, AccountLock.IsDisabled(user), user.CreatedAt, user.ConcurrencyStamp ?? "");
    }
}
