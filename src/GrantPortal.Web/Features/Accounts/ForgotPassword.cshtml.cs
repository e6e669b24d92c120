using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Accounts;

public sealed class ForgotPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ForgotPassword(Email), ct);
        Sent = result.Succeeded;
        Errors = result.Errors;
        return Page();
    }
}
