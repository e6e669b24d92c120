using System.Text.Json;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Registries;

// Who sees which registry record (STYLE.md "Authorization"): the platform admin sees every
// record; any other user sees only its own unit and the people of its own unit. The filter is
// part of the query itself, so a list never holds a record the user may not see, and a record
// outside it answers 404 like one that does not exist.
public static class RegistryScope
{
    public static bool IsAdmin(ICurrentUser user) => user.IsInRole(Roles.PlatformAdmin);

    public static IQueryable<Unit> Visible(this IQueryable<Unit> units, ICurrentUser user)
    {
        if (IsAdmin(user)) return units;
        var own = user.UnitId;
        return own is null ? units.Where(_ => false) : units.Where(u => u.Id == own.Value);
    }

    public static IQueryable<Person> Visible(this IQueryable<Person> people, ICurrentUser user)
    {
        if (IsAdmin(user)) return people;
        var own = user.UnitId;
        return own is null ? people.Where(_ => false) : people.Where(p => p.UnitId == own);
    }

    // An identity document number shown to anyone but the platform admin keeps only its ends:
    // 110105********123X (the address code and the last four), so colleagues can tell people
    // apart without reading the birth date or the whole number.
    public static string MaskDocument(string number)
    {
        if (number.Length >= 12) return number[..6] + new string('*', number.Length - 10) + number[^4..];
        if (number.Length <= 4) return new string('*', number.Length);
        return number[..2] + new string('*', number.Length - 4) + number[^2..];
    }

    // A LIKE pattern matching the term anywhere, with the wildcards of the term escaped.
    public static string Contains(string term) =>
        "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    // Form and API input: surrounding spaces are never meant; an empty field is no value.
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Codes are stored in their normalized form (trimmed, upper case), the form the domain checks.
    public static string? Code(string? value) => Clean(value)?.ToUpperInvariant();

    // The unique indexes are the last word on duplicates when two saves race each other.
    public static bool IsUniqueViolation(DbUpdateException ex, string index) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == index;

    public static void MaxLength(List<Error> errors, string? value, int max, string field)
    {
        if (value is not null && value.Length > max) errors.Add(Error.For("REG-TOO-LONG", field, ("max", max)));
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}

public enum SaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

// The outcome of a registry save. Invalid carries every error; Conflict carries the values stored
// now (the save was refused because someone else changed the record since the user loaded it).
public sealed record SaveResult<T>(SaveStatus Status, T? Value, IReadOnlyList<Error> Errors) where T : class
{
    public static SaveResult<T> Saved(T value) => new(SaveStatus.Saved, value, []);
    public static SaveResult<T> Invalid(IReadOnlyList<Error> errors) => new(SaveStatus.Invalid, null, errors);
    public static SaveResult<T> NotFound() => new(SaveStatus.NotFound, null, [Error.For("REG-NOT-FOUND")]);
    public static SaveResult<T> Conflict(T current) => new(SaveStatus.Conflict, current, [Error.For("REG-CONFLICT")]);
    public static SaveResult<T> Forbidden() => new(SaveStatus.Forbidden, null, []);
}

// RFC 7807 problem details with `errors: [{code, field, message, args}]`, rendered in the
// request culture; fields are named as in the JSON bodies (camelCase).
public static class RegistryProblems
{
    public static IResult From<T>(SaveResult<T> result, IStringLocalizer<Messages> l) where T : class => result.Status switch
    {
        SaveStatus.NotFound => NotFound(l),
        SaveStatus.Forbidden => Results.Forbid(),
        SaveStatus.Conflict => Problem(StatusCodes.Status409Conflict, "REG-CONFLICT", result.Errors, l, new() { ["current"] = result.Value }),
        _ => Problem(StatusCodes.Status400BadRequest, "REG-INVALID", result.Errors, l),
    };

    public static IResult NotFound(IStringLocalizer<Messages> l) =>
        Problem(StatusCodes.Status404NotFound, "REG-NOT-FOUND", [Error.For("REG-NOT-FOUND")], l);

    private static IResult Problem(int status, string titleCode, IReadOnlyList<Error> errors, IStringLocalizer<Messages> l, Dictionary<string, object?>? extra = null) =>
        Infrastructure.Web.ApiProblem.Create(l, status, titleCode, errors, extra);
}

public sealed record FieldErrors(string Field, IReadOnlyList<Error> Errors);

public sealed record Pager(string Path, int Page, int PageCount, int Total, IReadOnlyDictionary<string, string?> Query)
{
    public string Url(int page)
    {
        var query = Query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value!));
        return Path + "?" + string.Join("&", query.Append("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}

// Shared by the registry edit pages: errors beside their fields, a summary at the top, and the
// values a browser could not bind (reported rather than silently dropped).
public abstract class RegistryFormModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public IReadOnlyList<Error> Errors { get; protected set; } = [];

    public FieldErrors For(string field) => new(field, Errors.Where(e => e.Field == field).ToList());

    public string Invalid(string field) => Errors.Any(e => e.Field == field) ? " is-invalid" : "";

    public string? DescribedBy(string field) => Errors.Any(e => e.Field == field) ? field + "-error" : null;

    protected List<Error> BindingErrors(string prefix) => ModelState
        .Where(kv => kv.Value?.Errors.Count > 0)
        .Select(kv => Error.For("REG-VALUE-INVALID", kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal) ? kv.Key[(prefix.Length + 1)..] : kv.Key))
        .ToList();
}
