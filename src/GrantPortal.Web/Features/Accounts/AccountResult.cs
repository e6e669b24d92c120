using GrantPortal.Domain.Common;

namespace GrantPortal.Web.Features.Accounts;

public enum Outcome { Ok, Invalid, NotFound, Conflict }

// What an account command returns: expected failures are values carrying codes, never exceptions.
public sealed record AccountResult<T>(Outcome Outcome, T? Value, IReadOnlyList<Error> Errors)
{
    public bool Succeeded => Outcome == Outcome.Ok;

    public static AccountResult<T> Ok(T value) => new(Outcome.Ok, value, []);

    public static AccountResult<T> Invalid(IReadOnlyList<Error> errors) => new(Outcome.Invalid, default, errors);

    public static AccountResult<T> Invalid(Error error) => new(Outcome.Invalid, default, [error]);

    public static AccountResult<T> NotFound() => new(Outcome.NotFound, default, [new Error("Account.NotFound")]);
}

public readonly record struct Done;
