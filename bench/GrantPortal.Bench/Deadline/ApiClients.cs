using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GrantPortal.Bench.Deadline;

// API clients as an integrator gets them: the platform admin registers a system client through
// /Admin/ApiClients/Register (the secret is shown once), and the client takes a bearer token from
// /connect/token with client credentials.
public static partial class ApiClients
{
    public static async Task<(string ClientId, string Secret)> RegisterAsync(Browser admin, string name, string role, Guid unit, CancellationToken ct)
    {
        using var response = await admin.PostFormAsync("/Admin/ApiClients/Register", new Dictionary<string, string>
        {
            ["DisplayName"] = name,
            ["Kind"] = "system",
            ["Roles"] = role,
            ["UnitId"] = unit.ToString(),
        }, ct: ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var id = ClientId().Match(html);
        var secret = ClientSecret().Match(html);
        if (response.StatusCode != HttpStatusCode.OK || !id.Success || !secret.Success)
            throw new BenchException($"registering the API client '{name}' answered {(int)response.StatusCode} without a client id and secret");
        return (WebUtility.HtmlDecode(id.Groups[1].Value), WebUtility.HtmlDecode(secret.Groups[1].Value));
    }

    public static async Task<string> TokenAsync(Uri url, string clientId, string secret, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = url };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode) throw new BenchException("token request failed: " + body);
        return body.GetProperty("access_token").GetString()!;
    }

    public static HttpClient Client(Uri url, string token, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = url, Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [GeneratedRegex("<code id=\"client-id\">([^<]+)</code>")]
    private static partial Regex ClientId();

    [GeneratedRegex("<code id=\"client-secret\">([^<]+)</code>")]
    private static partial Regex ClientSecret();
}
