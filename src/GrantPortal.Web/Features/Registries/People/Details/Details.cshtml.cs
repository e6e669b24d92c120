using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Registries.People.Details;

public sealed class DetailsModel(IMediator mediator, ICurrentUser user) : PageModel
{
    public PersonData Person { get; private set; } = null!;
    public bool IsAdmin { get; private set; }
    // UNIT-INTEGRITY: the person's sanctions and blacklist entries, for the platform admin only.
    public IReadOnlyList<Sanctions.SanctionData> Sanctions { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetPerson(new PersonId(id)), ct) is not { } person) return NotFound();
        Person = person;
        IsAdmin = RegistryScope.IsAdmin(user);
        if (IsAdmin) Sanctions = await mediator.Send(new Sanctions.ListSanctions(new PersonId(id)), ct) ?? [];
        return Page();
    }
}
