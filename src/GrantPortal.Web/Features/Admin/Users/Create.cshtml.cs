using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Unit = GrantPortal.Domain.Registries.Unit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.Users;

public sealed class CreateModel(IMediator mediator, AppDbContext db) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public Guid? UnitId { get; set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public UserFormFields Fields => new(DisplayName, Roles, UnitId, Units, Errors);

    public async Task OnGetAsync(CancellationToken ct) => Units = await UserRules.UnitOptionsAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new CreateUser(Email, DisplayName, Roles, UnitId), ct);
        if (result.Succeeded) return Redirect("/Admin/Users/Edit?id=" + result.Value + "&created=1");
        Errors = result.Errors;
        Units = await UserRules.UnitOptionsAsync(db, ct);
        return Page();
    }
}
