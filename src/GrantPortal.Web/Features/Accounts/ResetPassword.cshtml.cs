using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Accounts;

public sealed class ResetPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public void OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code)) Errors = [new Error("Account.LinkInvalid")];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ResetPassword(UserId, Code, Password, ConfirmPassword), ct);
        Done = result.Succeeded;
        Errors = result.Errors;
        return Page();
    }
}
