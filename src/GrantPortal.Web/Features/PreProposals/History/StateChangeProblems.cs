using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.History;

// The API's answer to a refused change of state: problem details with the codes.
public static class StateChangeProblems
{
    public static IResult For(IStringLocalizer<Messages> l, Outcome outcome, IReadOnlyList<Error> errors)
    {
        var status = outcome switch
        {
            Outcome.NotFound => StatusCodes.Status404NotFound,
            Outcome.Forbidden => StatusCodes.Status403Forbidden,
            Outcome.Conflict => StatusCodes.Status409Conflict,
            Outcome.KeyReused => StatusCodes.Status422UnprocessableEntity,
            // A transition not allowed from the current state is a conflict with that state.
            _ when errors.All(e => e.Code == "APP-STATE") => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Submission.Problem.NotFound",
            StatusCodes.Status403Forbidden => "Submission.Problem.Forbidden",
            StatusCodes.Status409Conflict => "Submission.Problem.Conflict",
            _ => "Submission.Problem.Invalid",
        };
        return ApiProblem.Create(l, status, title, errors);
    }
}
