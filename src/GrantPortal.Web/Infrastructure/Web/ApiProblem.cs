using System.Text.Json;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Infrastructure.Web;

// Every API error: RFC 7807 problem details with `errors: [{code, field, message, args}]`. The
// message is rendered in the request's culture; the field is named as in the JSON body (camelCase).
public static class ApiProblem
{
    public static IResult Create(IStringLocalizer l, int status, string titleCode, IEnumerable<Error> errors, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>())
        {
            ["errors"] = errors.Select(e => new
            {
                code = e.Code,
                field = e.Field is null ? null : JsonField(e.Field),
                message = l.Error(e),
                args = e.Args ?? new Dictionary<string, string>(),
            }).ToList(),
        };
        return Results.Problem(statusCode: status, title: l[titleCode].Value, extensions: all);
    }

    // "Directions[0].Slots" → "directions[0].slots"
    public static string JsonField(string field) =>
        string.Join('.', field.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
