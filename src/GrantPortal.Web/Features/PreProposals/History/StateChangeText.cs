using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.History;

// Pages render APP-STATE with the states' names in the reader's language, not the enum names.
public static class StateChangeText
{
    public static string Error(IStringLocalizer l, Error error)
    {
        if (error.Code == "APP-STATE" && error.Args is { } args)
        {
            var named = args.ToDictionary(a => a.Key, a => a.Key is "from" or "to" ? l["State." + a.Value].Value : a.Value);
            return l[error.Code, (IReadOnlyDictionary<string, string>)named].Value;
        }
        return l.Error(error);
    }

    public static string State(IStringLocalizer l, ApplicationState state) => l["State." + state].Value;

    // A transition's reason: a code of the catalog (Transition.*) or the words a person typed.
    public static string Reason(IStringLocalizer l, string? reason) =>
        reason is null ? "" : reason.StartsWith("Transition.", StringComparison.Ordinal) && !l[reason].ResourceNotFound ? l[reason].Value : reason;
}

// The summary of errors at the top of a page; each error with a field links to where it is fixed.
public sealed record ErrorSummary(IReadOnlyList<Error> Errors, Func<Error, string?> Href);
