using System.Net.Mail;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

// Checks shared by registration, password reset and the platform admin's user forms.
public static class AccountChecks
{
    public const int DisplayNameMax = 100;
    public const int EmailMax = 256;

    // An applicant (and its lead-unit administrator) acts for a lead-capable unit: a verified
    // mainland university, research institute or enterprise (UNIT-MAINLAND).
    public static bool IsLeadCapable(Unit unit) =>
        unit.IsVerified && unit.Kind is UnitKind.University or UnitKind.ResearchInstitute or UnitKind.Enterprise;

    public static void DisplayName(string? name, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new Error("Account.DisplayNameRequired", "DisplayName"));
        else if (name.Trim().Length > DisplayNameMax) errors.Add(Error.For("Account.DisplayNameTooLong", "DisplayName", ("max", DisplayNameMax)));
    }

    public static async Task EmailAsync(string? email, UserManager<AppUser> users, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(email)) { errors.Add(new Error("Account.EmailRequired", "Email")); return; }
        var trimmed = email.Trim();
        if (trimmed.Length > EmailMax || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new Error("Account.EmailInvalid", "Email"));
            return;
        }
        if (await users.FindByEmailAsync(trimmed) is not null) errors.Add(new Error("Account.EmailTaken", "Email"));
    }

    public static async Task PasswordAsync(string? password, string? confirm, AppUser user, UserManager<AppUser> users, List<Error> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new Error("Account.PasswordRequired", "Password"));
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                errors.AddRange(FromIdentity(result.Errors, users.Options, "Password"));
            }
        }
        if (password != confirm) errors.Add(new Error("Account.PasswordsDiffer", "ConfirmPassword"));
    }

    // Identity's own errors as codes of the catalog; those with arguments get named ones.
    public static IEnumerable<Error> FromIdentity(IEnumerable<IdentityError> identityErrors, IdentityOptions options, string? field) =>
        identityErrors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => Error.For("Account.PasswordTooShort", "Password", ("length", options.Password.RequiredLength)),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => Error.For("Account.PasswordRequiresUniqueChars", "Password", ("count", options.Password.RequiredUniqueChars)),
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => new Error("Account.EmailTaken", "Email"),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => new Error("Account.EmailInvalid", "Email"),
            nameof(IdentityErrorDescriber.InvalidToken) => new Error("Account.LinkInvalid"),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => new Error("Account.Conflict"),
            var code when code.StartsWith("Password", StringComparison.Ordinal) => new Error("Identity." + code, "Password"),
            var code => new Error("Identity." + code, field),
        });
}
