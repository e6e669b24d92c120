using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GrantPortal.Bench;

// One signed-in browser: its own cookie jar (auth + antiforgery cookies) and connection pool,
// redirects not followed (a redirect is an answer to check, as in the tests).
public sealed partial class Browser(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient Http => _http;

    public static async Task<Browser> SignInAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        var browser = new Browser(baseAddress);
        using var response = await browser.PostFormAsync("/Accounts/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }, ct: ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new BenchException($"sign-in of {email} answered {(int)response.StatusCode}, not 302");
        return browser;
    }

    public async Task<string> GetHtmlAsync(string url, CancellationToken ct)
    {
        using var response = await _http.GetAsync(url, ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new BenchException($"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(ct);
    }

    // Posts a form with the antiforgery token of the page it comes from (as a browser would).
    public async Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> fields, string? formUrl = null, CancellationToken ct = default)
    {
        var html = await GetHtmlAsync(formUrl ?? url, ct);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        return await _http.PostAsync(url, new FormUrlEncodedContent(values), ct);
    }

    public static string Token(string html) =>
        AntiforgeryToken().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new BenchException("no antiforgery token in the page");

    // The value of a data-NAME attribute (the first one in the page).
    public static string Data(string html, string name) =>
        Regex.Match(html, $"data-{Regex.Escape(name)}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new BenchException($"no data-{name} in the page");

    public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class BenchException(string message) : Exception(message);
