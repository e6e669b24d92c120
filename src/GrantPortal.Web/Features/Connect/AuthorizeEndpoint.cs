using System.Security.Claims;
using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Features.Connect;

// GET/POST /connect/authorize: the authorization code flow of a user-facing client. OpenIddict
// has already checked the client, its redirect URI and the PKCE code_challenge (required).
// The user signs in with the site's own cookie; an anonymous user is sent to the sign-in page and
// comes back here with the same request.
public static class AuthorizeEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> Authorize(HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILoggerFactory loggers)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || !await OidcUserIdentity.MayActAsync(user, users, signIn))
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired);
            var query = http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(query) },
                [IdentityConstants.ApplicationScheme]);
        }

        // Consent is implicit: only clients the platform admin registered (first-party apps) exist
        // at all, and they are registered with ConsentTypes.Implicit, so no consent page is shown.
        var identity = await OidcUserIdentity.CreateAsync(user, users, request.GetScopes());
        loggers.CreateLogger(typeof(AuthorizeEndpoint)).LogInformation("Authorization code issued to client {ClientId} for user {UserId}", request.ClientId, user.Id);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?> { [OpenIddictServerAspNetCoreConstants.Properties.Error] = error }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
