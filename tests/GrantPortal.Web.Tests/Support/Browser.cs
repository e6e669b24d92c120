using System.Net;
using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Seed;

namespace GrantPortal.Web.Tests.Support;

// Drives the real pages as a browser would: GET the form, post it with its antiforgery token.
public static partial class Browser
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? formUrl = null)
    {
        var form = await client.GetAsync(formUrl ?? url);
        var html = await form.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        var values = new Dictionary<string, string>(fields);
        if (token.Success) values["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Seeder.DefaultDemoPassword) =>
        client.PostFormAsync("/Accounts/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static async Task<HttpClient> SignedInAsync(this GrantPortalFactory factory, string email)
    {
        var client = factory.CreateBrowser();
        var response = await client.LoginAsync(email);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
