using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Calls;

// RFC 7807 problem details with `errors: [{code, field, message, args}]`, messages in the request culture.
public static class ApiErrors
{
    public static IResult Problem(IStringLocalizer localizer, int status, string titleCode, IEnumerable<Error> errors, IDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>())
        {
            ["errors"] = errors.Select(e => new
            {
                code = e.Code,
                field = e.Field,
                message = localizer.Error(e),
                args = e.Args ?? new Dictionary<string, string>(),
            }).ToList(),
        };
        return Results.Problem(statusCode: status, title: localizer[titleCode].Value, extensions: extensions);
    }

    public static IResult Invalid(IStringLocalizer localizer, string titleCode, IEnumerable<Error> errors) =>
        Problem(localizer, StatusCodes.Status400BadRequest, titleCode, errors);

    public static IResult NotFound(IStringLocalizer localizer, string code) =>
        Problem(localizer, StatusCodes.Status404NotFound, code, [new Error(code)]);
}
