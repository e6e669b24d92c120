using System.Text.Json;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.ApiClients;

// RFC 7807 problem details with the errors as {code, field, message, args}, the message in the
// request's culture.
public static class ApiClientProblems
{
    public static IResult Problem(IStringLocalizer<Messages> l, int status, IEnumerable<Error> errors) =>
        Infrastructure.Web.ApiProblem.Create(l, status,
            status == StatusCodes.Status404NotFound ? "ApiClients.Problem.NotFound" : "ApiClients.Problem.Invalid", errors);

    public static IResult For(IStringLocalizer<Messages> l, Error error) =>
        Problem(l, error.Code == ApiClientErrors.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, [error]);
}

public static class ApiClientErrors
{
    public const string NotFound = "ApiClients.NotFound";
    public const string NoSecret = "ApiClients.NoSecret";
    public const string DisplayNameRequired = "ApiClients.DisplayNameRequired";
    public const string DisplayNameTooLong = "ApiClients.DisplayNameTooLong";
    public const string KindInvalid = "ApiClients.KindInvalid";
    public const string RolesRequired = "ApiClients.RolesRequired";
    public const string RoleUnknown = "ApiClients.RoleUnknown";
    public const string UnitRequired = "ApiClients.UnitRequired";
    public const string UnitNotFound = "ApiClients.UnitNotFound";
    public const string RedirectUrisRequired = "ApiClients.RedirectUrisRequired";
    public const string RedirectUriInvalid = "ApiClients.RedirectUriInvalid";
}
