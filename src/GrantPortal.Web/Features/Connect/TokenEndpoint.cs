using System.Security.Claims;
using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Features.Connect;

// POST /connect/token. OpenIddict has already authenticated the client and validated the request
// (including the PKCE code_verifier); this builds the identity the token carries: roles and unit,
// the same claims the policies read.
public static class TokenEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapPost("/connect/token", Exchange).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> Exchange(
        HttpContext http, IOpenIddictApplicationManager applications, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILoggerFactory loggers)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
            if (application is null) return Refuse(Errors.InvalidClient);
            var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, http.RequestAborted) ?? request.ClientId);
            identity.SetClaims(Claims.Role, [.. ApiClientProperties.Roles(properties)]);
            if (ApiClientProperties.Unit(properties) is { } unit) identity.SetClaim(AppClaims.UnitId, unit.Value.ToString());
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The principal stored in the code or refresh token; the user is read again from the
            // database so that a deleted or locked-out user, or changed roles, take effect at once.
            var stored = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = stored?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (stored is null || user is null || !await OidcUserIdentity.MayActAsync(user, users, signIn))
            {
                loggers.CreateLogger(typeof(TokenEndpoint)).LogInformation("Token exchange refused: the user {Subject} may no longer sign in", stored?.GetClaim(Claims.Subject));
                return Refuse(Errors.InvalidGrant, "The user may no longer sign in.");
            }
            var identity = await OidcUserIdentity.CreateAsync(user, users, stored.GetScopes(), stored.Claims);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Refuse(Errors.UnsupportedGrantType);
    }

    private static IResult Refuse(string error, string? description = null) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
