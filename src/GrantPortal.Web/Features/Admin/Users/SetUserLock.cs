using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Accounts;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Admin.Users;

// Locks an account until the admin unlocks it (AccountLock.Disabled), or unlocks it, which also
// lifts a lockout after failed sign-ins.
public sealed record SetUserLock(Guid Id, bool Locked) : IRequest<AccountResult<Done>>;

public sealed partial class SetUserLockHandler(AppDbContext db, UserManager<AppUser> users, ICurrentUser current, ILogger<SetUserLockHandler> log)
    : IRequestHandler<SetUserLock, AccountResult<Done>>
{
    public async ValueTask<AccountResult<Done>> Handle(SetUserLock request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.Id.ToString());
        if (user is null) return AccountResult<Done>.NotFound();
        if (request.Locked && user.Id == current.UserId) return AccountResult<Done>.Invalid(new Error("AdminUsers.CannotLockSelf"));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (request.Locked)
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, AccountLock.Disabled));
            // Ends the sessions the user has open (at the next security-stamp check).
            Check(await users.UpdateSecurityStampAsync(user));
        }
        else
        {
            if (user.LockoutEnabled) Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }
        await tx.CommitAsync(ct);
        LogLock(user.Id, request.Locked);
        return AccountResult<Done>.Ok(default);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Identity update failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} lock set to {Locked} by the platform admin")]
    private partial void LogLock(Guid userId, bool locked);
}
