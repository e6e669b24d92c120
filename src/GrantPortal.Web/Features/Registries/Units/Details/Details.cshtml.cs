using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Registries.Units.Details;

public sealed class DetailsModel(IMediator mediator, ICurrentUser user) : PageModel
{
    public UnitData Unit { get; private set; } = null!;
    public bool IsAdmin { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetUnit(new UnitId(id)), ct) is not { } unit) return NotFound();
        Unit = unit;
        IsAdmin = RegistryScope.IsAdmin(user);
        return Page();
    }
}
