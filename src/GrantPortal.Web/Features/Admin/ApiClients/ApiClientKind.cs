using System.Security.Cryptography;

namespace GrantPortal.Web.Features.Admin.ApiClients;

// The two kinds of API client the platform admin registers (issue 3, point 7).
public static class ApiClientKind
{
    // A system integration: a confidential client using client credentials, acting with the
    // roles and unit granted at registration.
    public const string System = "system";
    // A user-facing app: a public client using the authorization code flow with PKCE; it acts
    // as the signed-in user, with that user's roles and unit.
    public const string App = "app";

    public static bool IsValid(string? kind) => kind is System or App;

    // 32 random bytes: shown once to the admin, stored only as OpenIddict's hash.
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewClientId() => "gp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
