using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Accounts;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Admin.Users;

// Edits display name, roles and unit. The form carries the ConcurrencyStamp it was read with; a
// stale stamp is refused as a conflict (never last-write-wins), and the current values go back.
public sealed record EditUser(Guid Id, string? DisplayName, IReadOnlyList<string>? Roles, Guid? UnitId, string? ConcurrencyStamp)
    : IRequest<AccountResult<UserDetails>>;

public sealed partial class EditUserHandler(AppDbContext db, UserManager<AppUser> users, ICurrentUser current, ILogger<EditUserHandler> log)
    : IRequestHandler<EditUser, AccountResult<UserDetails>>
{
    public async ValueTask<AccountResult<UserDetails>> Handle(EditUser request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.Id.ToString());
        if (user is null) return AccountResult<UserDetails>.NotFound();
        if (user.ConcurrencyStamp != request.ConcurrencyStamp) return await ConflictAsync(ct);

        var errors = new List<Error>();
        AccountChecks.DisplayName(request.DisplayName, errors);
        await UserRules.CheckRolesAndUnitAsync(request.Roles, request.UnitId, db, errors, ct);
        var newRoles = (request.Roles ?? []).Distinct().ToList();
        if (user.Id == current.UserId && !newRoles.Contains(Roles.PlatformAdmin))
        {
            errors.Add(new Error("AdminUsers.CannotDemoteSelf", "Roles"));
        }
        if (errors.Count > 0) return AccountResult<UserDetails>.Invalid(errors);

        var oldRoles = await users.GetRolesAsync(user);
        var newUnit = request.UnitId is { } unit ? new UnitId(unit) : (UnitId?)null;
        var accessChanged = user.UnitId != newUnit || !oldRoles.ToHashSet().SetEquals(newRoles);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = request.DisplayName!.Trim();
        user.UnitId = newUnit;
        // EF checks the stamp read above in the UPDATE: a change between the two is a conflict too.
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            if (updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))) return await ConflictAsync(ct);
            return AccountResult<UserDetails>.Invalid([.. AccountChecks.FromIdentity(updated.Errors, users.Options, null)]);
        }
        Check(await users.RemoveFromRolesAsync(user, oldRoles.Except(newRoles)));
        Check(await users.AddToRolesAsync(user, newRoles.Except(oldRoles)));
        // Roles and unit travel in the sign-in cookie: a new security stamp ends the old sessions.
        if (accessChanged) Check(await users.UpdateSecurityStampAsync(user));
        await tx.CommitAsync(ct);
        LogEdited(user.Id);
        return AccountResult<UserDetails>.Ok((await GetUserHandler.LoadAsync(db, user.Id, ct))!);

        async Task<AccountResult<UserDetails>> ConflictAsync(CancellationToken token)
        {
            db.ChangeTracker.Clear();
            var stored = await GetUserHandler.LoadAsync(db, request.Id, token);
            return new AccountResult<UserDetails>(Outcome.Conflict, stored, [new Error("AdminUsers.Conflict")]);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Identity update failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} edited by the platform admin")]
    private partial void LogEdited(Guid userId);
}
