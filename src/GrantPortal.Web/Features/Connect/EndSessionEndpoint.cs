using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace GrantPortal.Web.Features.Connect;

// GET/POST /connect/logout (OpenID Connect end session): signs the user out of the site and sends
// the browser back to the client's registered post-logout redirect URI (or to the home page).
public static class EndSessionEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], EndSession)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> EndSession(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
