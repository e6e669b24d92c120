using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Registries.People;
using GrantPortal.Web.Features.Registries.Units;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Pickers;

// JSON handlers of the edit page's pickers (Applicant policy, FeatureRegistration):
// GET ?handler=Units&q=..&foreign=true|false, GET ?handler=People&q=..,
// POST ?handler=ProposeUnit and ?handler=ProposePerson (antiforgery token in the header).
public sealed class IndexModel(IMediator mediator, IStringLocalizer<Messages> l) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnGetUnitsAsync(string? q, bool? foreign, CancellationToken ct) =>
        new JsonResult(await mediator.Send(new SearchUnits(q, foreign), ct));

    public async Task<IActionResult> OnGetPeopleAsync(string? q, CancellationToken ct) =>
        new JsonResult(await mediator.Send(new SearchPeople(q), ct));

    public async Task<IActionResult> OnPostProposeUnitAsync([FromBody] UnitInput? input, CancellationToken ct) =>
        Answer(input is null ? null : await mediator.Send(new ProposeUnit(input), ct));

    public async Task<IActionResult> OnPostProposePersonAsync([FromBody] PersonInput? input, CancellationToken ct) =>
        Answer(input is null ? null : await mediator.Send(new ProposePerson(input), ct));

    private JsonResult Answer(ProposeResult? result)
    {
        if (result?.Hit is { } hit) return new JsonResult(new { hit, existing = result.Existing }) { StatusCode = result.Existing ? StatusCodes.Status200OK : StatusCodes.Status201Created };
        IReadOnlyList<Error> errors = result?.Errors ?? [Error.For("DRAFT-BODY-INVALID")];
        return new JsonResult(new
        {
            errors = errors.Select(e => new
            {
                code = e.Code,
                field = e.Field is null ? null : Infrastructure.Web.ApiProblem.JsonField(e.Field),
                message = l.Error(e),
            }),
        }) { StatusCode = StatusCodes.Status400BadRequest };
    }
}
