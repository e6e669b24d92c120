using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Calls;

// RFC 7807 problem details with `errors: [{code, field, message, args}]`, messages in the request culture.
public static class ApiErrors
{
    public static IResult Problem(IStringLocalizer localizer, int status, string titleCode, IEnumerable<Error> errors, IDictionary<string, object?>? more = null) =>
        Infrastructure.Web.ApiProblem.Create(localizer, status, titleCode, errors, more);

    public static IResult Invalid(IStringLocalizer localizer, string titleCode, IEnumerable<Error> errors) =>
        Problem(localizer, StatusCodes.Status400BadRequest, titleCode, errors);

    public static IResult NotFound(IStringLocalizer localizer, string code) =>
        Problem(localizer, StatusCodes.Status404NotFound, code, [new Error(code)]);
}
