using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Recommender;

// Pages render the states named in an error (Recommendation.Conflict's {state}) in the reader's language.
public static class RecommenderText
{
    public static string Error(IStringLocalizer l, Error error)
    {
        if (error.Code == Decide.DecideApplicationsHandler.ConflictCode && error.Args is { } args)
        {
            var named = args.ToDictionary(a => a.Key, a => a.Key == "state" ? l["State." + a.Value].Value : a.Value);
            return l[error.Code, (IReadOnlyDictionary<string, string>)named].Value;
        }
        return StateChangeText.Error(l, error);
    }
}
