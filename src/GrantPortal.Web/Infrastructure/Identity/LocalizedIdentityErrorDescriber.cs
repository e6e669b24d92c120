using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using GrantPortal.Web.Infrastructure.Localization;

namespace GrantPortal.Web.Infrastructure.Identity;

// Identity's errors in the user's language, from the catalog (codes Identity.*).
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<Messages> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) => new() { Code = code, Description = l["Identity." + code, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError));
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), userName);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), email ?? "");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), userName ?? "");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken));
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch));
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper));
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), role);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), role);
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure));
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled));
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword));
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), role);
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), role ?? "");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated));
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed));
}
