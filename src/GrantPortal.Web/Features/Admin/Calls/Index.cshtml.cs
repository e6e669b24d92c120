using GrantPortal.Web.Features.Calls;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.Calls;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Calls = await mediator.Send(new ListCalls(), ct);
}
