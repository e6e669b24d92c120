using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.ApiClients.List;

public sealed class ListApiClientsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ApiClientRow> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Clients = await mediator.Send(new ListApiClients(), ct);
}
