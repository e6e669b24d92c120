using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Admin.Users;

public sealed record UserSummary(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? UnitId, string? UnitName, string? UnitNameEn,
    bool EmailConfirmed, DateTimeOffset? LockoutEnd);

public sealed record UserPage(IReadOnlyList<UserSummary> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

// The platform admin's user list: search in e-mail and name, filter by role, one page at a time;
// search, filter and paging all run in the query.
public sealed record ListUsers(string? Search, string? Role, int Page = 1, int PageSize = ListUsers.DefaultPageSize) : IRequest<UserPage>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

public sealed class ListUsersHandler(AppDbContext db) : IRequestHandler<ListUsers, UserPage>
{
    public async ValueTask<UserPage> Handle(ListUsers request, CancellationToken ct)
    {
        var size = Math.Clamp(request.PageSize, 1, ListUsers.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var upper = request.Search.Trim().ToUpperInvariant();
            var lower = request.Search.Trim().ToLowerInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToLower().Contains(lower));
        }
        if (!string.IsNullOrWhiteSpace(request.Role))
        {
            var role = request.Role;
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.UnitId, u.EmailConfirmed, u.LockoutEnd })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var unitIds = rows.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var items = rows.Select(r =>
        {
            var unit = r.UnitId is { } id && units.TryGetValue(id, out var found) ? found : null;
            return new UserSummary(r.Id, r.Email ?? "", r.DisplayName,
                roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).Order(StringComparer.Ordinal).ToList(),
                unit?.Id.Value, unit?.Name, unit?.NameEn, r.EmailConfirmed, r.LockoutEnd);
        }).ToList();
        return new UserPage(items, page, size, total);
    }
}
