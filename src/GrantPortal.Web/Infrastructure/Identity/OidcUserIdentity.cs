using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Infrastructure.Identity;

// The identity a user-facing client's tokens carry: the user id as `sub`, the name, the roles and
// the unit, the same claims the policies read from the sign-in cookie, so that /api/v1 decides
// exactly as the pages do. Rebuilt from the database at every code and refresh-token exchange.
public static class OidcUserIdentity
{
    // The user may still sign in: exists (checked by the caller), e-mail confirmed, not locked out.
    public static async Task<bool> MayActAsync(AppUser user, UserManager<AppUser> users, SignInManager<AppUser> signIn) =>
        await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user);

    public static async Task<ClaimsIdentity> CreateAsync(AppUser user, UserManager<AppUser> users, IEnumerable<string> scopes, IEnumerable<Claim>? keep = null)
    {
        var identity = new ClaimsIdentity(keep, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(AppClaims.DisplayName, user.DisplayName)
            .SetClaim(AppClaims.UnitId, user.UnitId?.Value.ToString())
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return identity;
    }

    // Every claim the policies need goes into the access token; the identity token carries the
    // profile and roles only when the client asked for those scopes.
    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name or AppClaims.DisplayName when identity.HasScope(Scopes.Profile) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role or AppClaims.UnitId when identity.HasScope(Scopes.Roles) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name or AppClaims.DisplayName or Claims.Role or AppClaims.UnitId => [OpenIddictConstants.Destinations.AccessToken],
        // OpenIddict's private claims (token and authorization ids) are never serialized as such.
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
