using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.ApiClients.Register;

public sealed class RegisterApiClientModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Kind { get; set; } = ApiClientKind.System;
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty] public string? RedirectUris { get; set; }

    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public IReadOnlyList<Error> Errors { get; private set; } = [];
    public ApiClientCreated? Created { get; private set; }

    public IEnumerable<Error> ErrorsFor(string field) => Errors.Where(e => e.Field == field);

    public async Task OnGetAsync(CancellationToken ct) => Units = await mediator.Send(new ListUnitOptions(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new RegisterApiClient(DisplayName, Kind, Roles, UnitId, RegisterApiClientValidator.Lines(RedirectUris)), ct);
        if (result.Created is null)
        {
            Errors = result.Errors;
            Units = await mediator.Send(new ListUnitOptions(), ct);
            return Page();
        }
        // The secret is rendered in this response only: never cached, never shown again.
        Response.Headers.CacheControl = "no-store";
        Created = result.Created;
        return Page();
    }
}
