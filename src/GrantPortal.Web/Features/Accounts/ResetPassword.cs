using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

// Sets a new password with the link of the reset mail (or of the "account created" mail). A
// lockout after failed sign-ins is lifted, since the person proved it owns the address; an
// account the platform admin disabled stays disabled.
public sealed record ResetPassword(string? UserId, string? Code, string? Password, string? ConfirmPassword) : IRequest<AccountResult<Done>>;

public sealed partial class ResetPasswordHandler(AppDbContext db, UserManager<AppUser> users, ILogger<ResetPasswordHandler> log)
    : IRequestHandler<ResetPassword, AccountResult<Done>>
{
    public async ValueTask<AccountResult<Done>> Handle(ResetPassword request, CancellationToken ct)
    {
        var invalid = AccountResult<Done>.Invalid(new Error("Account.LinkInvalid"));
        var token = AccountMails.DecodeToken(request.Code);
        if (token is null || !Guid.TryParse(request.UserId, out var id)) return invalid;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return invalid;

        var errors = new List<Error>();
        await AccountChecks.PasswordAsync(request.Password, request.ConfirmPassword, user, users, errors);
        if (errors.Count > 0) return AccountResult<Done>.Invalid(errors);

        // The link came by mail, so the address is confirmed as well (an admin-created account is already).
        user.EmailConfirmed = true;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reset = await users.ResetPasswordAsync(user, token, request.Password!);
        if (!reset.Succeeded) return AccountResult<Done>.Invalid([.. AccountChecks.FromIdentity(reset.Errors, users.Options, null)]);
        await users.ResetAccessFailedCountAsync(user);
        if (!AccountLock.IsDisabled(user)) await users.SetLockoutEndDateAsync(user, null);
        await tx.CommitAsync(ct);
        LogReset(user.Id);
        return AccountResult<Done>.Ok(default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} reset the password")]
    private partial void LogReset(Guid userId);
}
