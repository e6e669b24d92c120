using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Accounts;

// "Check your mail", with a form to send the confirmation mail again.
public sealed class RegisterConfirmationModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Resent { get; private set; }
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ResendConfirmation(Email), ct);
        Resent = result.Succeeded;
        Errors = result.Errors;
        return Page();
    }
}
