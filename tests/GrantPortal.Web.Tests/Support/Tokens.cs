using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Tests.Support;

// Registers a system client (client credentials) with the given roles and unit, and gets a real
// token for it from /connect/token: API tests use real tokens, never a faked principal.
public static class Tokens
{
    public static async Task<(string ClientId, string Secret)> RegisterClientAsync(this GrantPortalFactory app, IEnumerable<string> roles, UnitId? unit)
    {
        var clientId = "test-" + Guid.NewGuid().ToString("N")[..12];
        var secret = Guid.NewGuid().ToString("N");
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = clientId,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        ApiClientProperties.Set(descriptor, roles, unit);
        await manager.CreateAsync(descriptor);
        return (clientId, secret);
    }

    public static async Task<string> ClientCredentialsTokenAsync(this HttpClient client, string clientId, string secret)
    {
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException("Token request failed: " + body);
        return body.GetProperty("access_token").GetString()!;
    }

    // An API client acting with the given roles for the given unit.
    public static async Task<HttpClient> ApiClientAsync(this GrantPortalFactory app, IEnumerable<string> roles, UnitId? unit)
    {
        var (id, secret) = await app.RegisterClientAsync(roles, unit);
        var client = app.CreateClient();
        var token = await client.ClientCredentialsTokenAsync(id, secret);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // A user-facing app (public client, authorization code + PKCE + refresh token), registered
    // as the admin pages do.
    public static async Task<string> RegisterPublicClientAsync(this GrantPortalFactory app, string redirectUri)
    {
        var clientId = "app-" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = clientId,
            RedirectUris = { new Uri(redirectUri) },
            PostLogoutRedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await manager.CreateAsync(descriptor);
        return clientId;
    }

    public sealed record Pkce(string Verifier, string Challenge);

    public static Pkce NewPkce()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string redirectUri, string? codeChallenge, string scope = "openid profile roles offline_access")
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = "st-" + Guid.NewGuid().ToString("N")[..8],
        };
        if (codeChallenge is not null)
        {
            query["code_challenge"] = codeChallenge;
            query["code_challenge_method"] = "S256";
        }
        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    // The query parameter of the authorization response (the redirect to the client's URI).
    public static string? ResponseParameter(HttpResponseMessage authorizeResponse, string name) =>
        authorizeResponse.StatusCode == HttpStatusCode.Redirect && authorizeResponse.Headers.Location is { IsAbsoluteUri: true } location
            && QueryHelpers.ParseQuery(location.Query).TryGetValue(name, out var value)
            ? value.ToString()
            : null;

    public static Task<HttpResponseMessage> RedeemCodeAsync(this HttpClient client, string clientId, string code, string redirectUri, string verifier) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        }));

    public static Task<HttpResponseMessage> RedeemRefreshTokenAsync(this HttpClient client, string clientId, string refreshToken) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = clientId,
            ["refresh_token"] = refreshToken,
        }));

    // The whole authorization code flow for a demo user: sign in, authorize with PKCE, redeem the
    // code.
    public sealed record UserTokens(string ClientId, string AccessToken, string? RefreshToken);

    public static async Task<UserTokens> UserTokensAsync(this GrantPortalFactory app, string email, string redirectUri = "https://app.example.test/callback")
    {
        var clientId = await app.RegisterPublicClientAsync(redirectUri);
        var browser = await app.SignedInAsync(email);
        var pkce = NewPkce();
        var authorize = await browser.GetAsync(AuthorizeUrl(clientId, redirectUri, pkce.Challenge));
        var code = ResponseParameter(authorize, "code")
            ?? throw new InvalidOperationException($"No code in the authorization response: {(int)authorize.StatusCode} {authorize.Headers.Location}");
        var response = await app.CreateClient().RedeemCodeAsync(clientId, code, redirectUri, pkce.Verifier);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException("Code redemption failed: " + body);
        return new UserTokens(clientId, body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }

    public static HttpClient WithBearer(this HttpClient client, string accessToken)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
