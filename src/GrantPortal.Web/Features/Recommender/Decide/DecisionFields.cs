using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;

namespace GrantPortal.Web.Features.Recommender.Decide;

// The decision and its reason, as the inbox's selection form and the review page both show them.
public sealed record DecisionFields(Decision? Decision, string? Reason, IReadOnlyList<Error> Errors)
{
    public IReadOnlyList<Error> For(string field) => [.. Errors.Where(e => e.Field == field)];
}
