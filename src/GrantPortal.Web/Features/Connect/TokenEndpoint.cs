using System.Security.Claims;
using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Features.Connect;

// POST /connect/token. OpenIddict has already authenticated the client and validated the request;
// this builds the identity the token carries: roles and unit, the same claims the policies read.
public static class TokenEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapPost("/connect/token", Exchange).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> Exchange(HttpContext http, IOpenIddictApplicationManager applications)
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
        return Refuse(Errors.UnsupportedGrantType);
    }

    private static IResult Refuse(string error) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?> { [OpenIddictServerAspNetCoreConstants.Properties.Error] = error }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
