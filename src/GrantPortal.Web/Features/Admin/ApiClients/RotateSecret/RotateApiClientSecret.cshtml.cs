using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.ApiClients.RotateSecret;

public sealed class RotateApiClientSecretModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string ClientId { get; set; } = "";

    public FoundApiClient? Client { get; private set; }
    public string? NewSecret { get; private set; }
    public Error? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Client = await mediator.Send(new FindApiClient(ClientId), ct);
        return Client is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new RotateApiClientSecret(ClientId), ct);
        if (result.Error?.Code == ApiClientErrors.NotFound) return NotFound();
        Client = await mediator.Send(new FindApiClient(ClientId), ct);
        Error = result.Error;
        NewSecret = result.ClientSecret;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
