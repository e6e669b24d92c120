using System.Globalization;
using System.Text.Json;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GrantPortal.Web.Infrastructure.Audit;

// Records every change of a registry record, call, user or role in the same transaction as the
// change itself, so that no change escapes the audit trail.
public sealed class AuditInterceptor(TimeProvider clock, IHttpContextAccessor http) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), "Version",
    };

    // Fields that change on every sign-in; recording them would drown the trail.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Record(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Record(context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var user = new HttpCurrentUser(http);
        var userId = user.UserId;
        var userName = user.Principal.Identity?.IsAuthenticated == true ? user.Name : "system";
        var now = clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var type = TypeName(entry.Entity);
            if (type is null) continue;
            var changes = Changes(entry, context);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            entries.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                UserName = userName,
                EntityType = type,
                EntityId = EntityId(entry),
                Action = entry.State.ToString(),
                Changes = JsonSerializer.Serialize(changes),
            });
        }
        context.AddRange(entries);
    }

    private static string? TypeName(object entity) => entity switch
    {
        Unit => "Unit",
        Person => "Person",
        OngoingProject => "OngoingProject",
        PersonSanction => "PersonSanction",
        UnitMembership => "UnitMembership",
        GuideExpert => "GuideExpert",
        GrantCall => "Call",
        GuideDirection => "Direction",
        AppUser => "User",
        AppRole => "Role",
        IdentityUserRole<Guid> => "UserRole",
        _ when entity.GetType().Name.StartsWith("OpenIddictEntityFrameworkCoreApplication", StringComparison.Ordinal) => "ApiClient",
        _ => null,
    };

    private static string EntityId(EntityEntry entry) => entry.Entity switch
    {
        IdentityUserRole<Guid> ur => ur.UserId.ToString(),
        _ => string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue))),
    };

    private static List<AuditChange> Changes(EntityEntry entry, DbContext context)
    {
        var list = new List<AuditChange>();
        if (entry.Entity is IdentityUserRole<Guid> ur)
        {
            var role = context.Set<AppRole>().Find(ur.RoleId)?.Name ?? ur.RoleId.ToString();
            list.Add(entry.State == EntityState.Deleted ? new AuditChange("Role", role, null) : new AuditChange("Role", null, role));
            return list;
        }
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Noise.Contains(name) && !IsAdminLock(p)) continue;
            var secret = Secret.Contains(name) || name.Contains("Secret", StringComparison.Ordinal);
            switch (entry.State)
            {
                case EntityState.Added:
                    if (p.CurrentValue is null) continue;
                    list.Add(new AuditChange(name, null, secret ? "***" : Format(p.CurrentValue)));
                    break;
                case EntityState.Deleted:
                    list.Add(new AuditChange(name, secret ? "***" : Format(p.OriginalValue), null));
                    break;
                default:
                    if (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue)) continue;
                    if (name is nameof(AppUser.PasswordHash)) { list.Add(new AuditChange("Password", "***", "***")); continue; }
                    if (secret) continue;
                    list.Add(new AuditChange(name, Format(p.OriginalValue), Format(p.CurrentValue)));
                    break;
            }
        }
        // A changed period of a membership also names the list and the member it belongs to.
        if (entry is { Entity: UnitMembership m, State: EntityState.Modified } && list.Count > 0)
        {
            list.Insert(0, new AuditChange(nameof(UnitMembership.MemberUnitId), Format(m.MemberUnitId.Value), Format(m.MemberUnitId.Value)));
            list.Insert(0, new AuditChange(nameof(UnitMembership.RecommendingUnitId), Format(m.RecommendingUnitId.Value), Format(m.RecommendingUnitId.Value)));
        }
        return list;
    }

    // A failed sign-in's lockout is noise; the platform admin disabling or re-enabling an account
    // (LockoutEnd set to or cleared from AccountLock.Disabled) is a change of the user to record.
    private static bool IsAdminLock(PropertyEntry p) =>
        p.Metadata.Name == nameof(AppUser.LockoutEnd)
        && (p.OriginalValue is DateTimeOffset o && o >= AccountLock.Disabled || p.CurrentValue is DateTimeOffset c && c >= AccountLock.Disabled);

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => string.Join("; ", e.Cast<object?>().Select(Format)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
