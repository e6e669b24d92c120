using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Oidc;

// Several app instances share one database: the OpenID Connect keys and the data-protection keys
// live there, so a token or a cookie issued by one instance is accepted by another.
public sealed partial class SharedKeysTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    // A second instance on the first one's database and blob container (neither re-created).
    private sealed class SecondInstance(GrantPortalFactory first) : GrantPortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Postgres", first.ConnectionString);
            builder.UseSetting("Blobs:Container", first.Container);
        }
    }

    [Fact]
    public async Task IssuingAToken_PersistsOneSigningAndOneEncryptionKey()
    {
        await app.ApiClientAsync([Roles.Expert], null);
        var uses = await app.WithDbAsync(db => db.SigningKeys.Select(k => k.Use).ToListAsync());
        Assert.Equal([OidcKeys.EncryptionUse, OidcKeys.SigningUse], uses.Order());
    }

    [Fact]
    public async Task SecondInstance_AcceptsTokensAndCookiesOfTheFirst()
    {
        var (clientId, secret) = await app.RegisterClientAsync([Roles.ExchangeCenterStaff], null);
        var systemToken = await app.CreateClient().ClientCredentialsTokenAsync(clientId, secret);
        var userTokens = await app.UserTokensAsync(DemoUsers.Applicant);
        var cookie = await SignInCookieAsync(app, DemoUsers.Applicant);

        await using var second = new SecondInstance(app);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().WithBearer(systemToken).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().WithBearer(userTokens.AccessToken).GetAsync("/api/v1/me")).StatusCode);

        // The refresh token is encrypted with the shared encryption key.
        var refreshed = await second.CreateClient().RedeemRefreshTokenAsync(userTokens.ClientId, userTokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var fresh = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().WithBearer(fresh).GetAsync("/api/v1/me")).StatusCode);

        // The sign-in cookie is protected with the shared data-protection keys.
        var browser = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Applicant")).StatusCode);

        Assert.Equal(2, await app.WithDbAsync(db => db.SigningKeys.CountAsync()));
    }

    // Signs in on the given instance by hand (no cookie container) and returns the Cookie header.
    private static async Task<string> SignInCookieAsync(GrantPortalFactory instance, string email)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/Accounts/Login");
        var antiforgeryCookie = CookiesOf(form);
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = Seeder.DefaultDemoPassword, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = CookiesOf(response);
        Assert.Contains("gp.auth=", auth);
        return auth;
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
