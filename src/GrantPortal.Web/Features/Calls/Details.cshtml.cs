using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Calls;

// One call with its directions and their assessment indicators; public like the list.
public sealed class DetailsModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetCall(id), ct) is not { } call) return NotFound();
        Call = call;
        Now = clock.GetUtcNow();
        return Page();
    }

    public bool IsOpen => Now >= Call.PreWindowOpens && Now < Call.PreWindowCloses;
}
