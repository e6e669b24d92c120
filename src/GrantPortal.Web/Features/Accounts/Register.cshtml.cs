using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Unit = GrantPortal.Domain.Registries.Unit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Accounts;

public sealed class RegisterModel(IMediator mediator, AppDbContext db) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty] public Guid? UnitId { get; set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Units = await LeadCapableUnitsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new RegisterApplicant(DisplayName, Email, Password, ConfirmPassword, UnitId), ct);
        if (result.Succeeded) return RedirectToPage("/Accounts/RegisterConfirmation");
        Errors = result.Errors;
        Units = await LeadCapableUnitsAsync(ct);
        return Page();
    }

    public IEnumerable<Error> ErrorsOf(string field) => Errors.Where(e => e.Field == field);

    private async Task<IReadOnlyList<Unit>> LeadCapableUnitsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking()
            .Where(u => u.IsVerified && (u.Kind == UnitKind.University || u.Kind == UnitKind.ResearchInstitute || u.Kind == UnitKind.Enterprise))
            .OrderBy(u => u.Name)
            .ToListAsync(ct);
}
