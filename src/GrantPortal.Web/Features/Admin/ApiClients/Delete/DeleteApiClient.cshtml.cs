using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.ApiClients.Delete;

public sealed class DeleteApiClientModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string ClientId { get; set; } = "";

    public FoundApiClient? Client { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Client = await mediator.Send(new FindApiClient(ClientId), ct);
        return Client is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await mediator.Send(new DeleteApiClient(ClientId), ct) is null ? Redirect("/Admin/ApiClients") : NotFound();
}
