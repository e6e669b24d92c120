using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Accounts;

// Sign-in with lockout after repeated failures (Accounts:MaxFailedAttempts).
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? ErrorCode { get; private set; }
    public object[] ErrorArgs { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            ErrorCode = "Login.Required";
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            ErrorCode = "Login.Invalid";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("User {UserId} locked out", user.Id);
            if (AccountLock.IsDisabled(user))
            {
                ErrorCode = "Login.Disabled";
                return Page();
            }
            var end = await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow();
            ErrorCode = "Login.LockedOut";
            ErrorArgs = [Infrastructure.Localization.Display.Instant(end)];
            return Page();
        }
        ErrorCode = result.IsNotAllowed ? "Login.NotConfirmed" : "Login.Invalid";
        return Page();
    }
}
