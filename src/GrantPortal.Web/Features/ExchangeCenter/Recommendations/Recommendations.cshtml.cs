using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.ExchangeCenter.Recommendations;

public sealed class RecommendationsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CallId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    // As typed, so that bad input comes back as it was.
    [BindProperty(SupportsGet = true)] public string? WarnDays { get; set; }

    public RecommendationsData Data { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        int? days = null;
        if (!string.IsNullOrWhiteSpace(WarnDays))
        {
            if (int.TryParse(WarnDays, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) days = parsed;
            else days = -1; // not a whole number: refused like one out of range
        }
        var result = await mediator.Send(new GetRecommendations(CallId, UnitId, days), ct);
        if (result.Outcome == Outcome.NotFound) return NotFound();
        if (result.Outcome == Outcome.Invalid)
        {
            // The figures with the default window, the error beside the field.
            Errors = result.Errors;
            result = await mediator.Send(new GetRecommendations(CallId, UnitId, null), ct);
            if (result.Outcome != Outcome.Done) return NotFound();
        }
        Data = result.Data!;
        return Page();
    }
}
