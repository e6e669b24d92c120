using System.Net.Http.Headers;
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
}
