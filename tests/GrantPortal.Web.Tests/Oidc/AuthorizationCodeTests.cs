using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Oidc;

// A user-facing app: authorization code with PKCE through the real sign-in page, driven by
// HttpClient alone; the token acts as the user on /api/v1 with the user's roles and unit.
public sealed class AuthorizationCodeTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private const string RedirectUri = "https://app.example.test/callback";

    [Fact]
    public async Task AuthorizationCode_WithPkce_IssuesTokenActingAsTheUser()
    {
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoUsers.Applicant));
        var clientId = await app.RegisterPublicClientAsync(RedirectUri);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);
        var pkce = Tokens.NewPkce();

        var authorize = await browser.GetAsync(Tokens.AuthorizeUrl(clientId, RedirectUri, pkce.Challenge));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith(RedirectUri + "?", authorize.Headers.Location!.AbsoluteUri);
        var code = Tokens.ResponseParameter(authorize, "code");
        Assert.False(string.IsNullOrEmpty(code));

        var token = await app.CreateClient().RedeemCodeAsync(clientId, code!, RedirectUri, pkce.Verifier);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        var api = app.CreateClient().WithBearer(body.GetProperty("access_token").GetString()!);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(user.Id.ToString(), me.GetProperty("subject").GetString());
        Assert.Equal([Roles.Applicant], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(user.UnitId!.Value.Value.ToString(), me.GetProperty("unitId").GetString());
    }

    [Fact]
    public async Task Authorize_WhenSignedOut_GoesThroughSignInAndComesBackWithCode()
    {
        var clientId = await app.RegisterPublicClientAsync(RedirectUri);
        var browser = app.CreateBrowser();
        var pkce = Tokens.NewPkce();
        var url = Tokens.AuthorizeUrl(clientId, RedirectUri, pkce.Challenge);

        var challenge = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var login = challenge.Headers.Location!;
        Assert.Equal("/Accounts/Login", login.IsAbsoluteUri ? login.AbsolutePath : login.OriginalString.Split('?')[0]);
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(login.IsAbsoluteUri ? login.Query : "?" + login.OriginalString.Split('?')[1])["ReturnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", returnUrl);

        var signedIn = await browser.PostFormAsync("/Accounts/Login", new Dictionary<string, string>
        {
            ["Email"] = DemoUsers.OtherApplicant, ["Password"] = Infrastructure.Seed.Seeder.DefaultDemoPassword, ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(returnUrl, signedIn.Headers.Location!.OriginalString);

        var authorize = await browser.GetAsync(returnUrl);
        Assert.NotNull(Tokens.ResponseParameter(authorize, "code"));
    }

    [Fact]
    public async Task TokenRequest_WithWrongCodeVerifier_IsRefused()
    {
        var clientId = await app.RegisterPublicClientAsync(RedirectUri);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);
        var pkce = Tokens.NewPkce();
        var authorize = await browser.GetAsync(Tokens.AuthorizeUrl(clientId, RedirectUri, pkce.Challenge));
        var code = Tokens.ResponseParameter(authorize, "code")!;

        var token = await app.CreateClient().RedeemCodeAsync(clientId, code, RedirectUri, Tokens.NewPkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Equal("invalid_grant", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorize_WithoutCodeChallenge_IsRefused()
    {
        var clientId = await app.RegisterPublicClientAsync(RedirectUri);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);

        var authorize = await browser.GetAsync(Tokens.AuthorizeUrl(clientId, RedirectUri, codeChallenge: null));
        // OpenIddict answers the user agent directly (no redirect to the client): 400 invalid_request.
        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.Null(Tokens.ResponseParameter(authorize, "code"));
        Assert.Contains("error:invalid_request", await authorize.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorize_WithUnregisteredRedirectUri_IsRefusedWithoutRedirect()
    {
        var clientId = await app.RegisterPublicClientAsync(RedirectUri);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);

        var authorize = await browser.GetAsync(Tokens.AuthorizeUrl(clientId, "https://evil.example.test/cb", Tokens.NewPkce().Challenge));
        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
    }

    [Fact]
    public async Task RefreshToken_IssuesANewWorkingAccessToken()
    {
        var tokens = await app.UserTokensAsync(DemoUsers.LeadUnitAdmin);
        var refreshed = await app.CreateClient().RedeemRefreshTokenAsync(tokens.ClientId, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        var me = await app.CreateClient().WithBearer(body.GetProperty("access_token").GetString()!).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Contains(Roles.LeadUnitAdmin, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task RefreshToken_OfLockedOutUser_IsRefused()
    {
        var tokens = await app.UserTokensAsync(DemoUsers.Expert);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var expert = (await users.FindByEmailAsync(DemoUsers.Expert))!;
            await users.SetLockoutEndDateAsync(expert, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
        var refreshed = await app.CreateClient().RedeemRefreshTokenAsync(tokens.ClientId, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task UserToken_AppliesTheSameRolePoliciesAsThePages()
    {
        var admin = await app.UserTokensAsync(DemoUsers.Admin);
        var applicant = await app.UserTokensAsync(DemoUsers.Applicant);
        var asAdmin = await app.CreateClient().WithBearer(admin.AccessToken).GetAsync("/api/v1/api-clients");
        var asApplicant = await app.CreateClient().WithBearer(applicant.AccessToken).GetAsync("/api/v1/api-clients");
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asApplicant.StatusCode);
    }

    [Fact]
    public async Task EndSession_SignsOutAndReturnsToTheClient()
    {
        var clientId = await app.RegisterPublicClientAsync(RedirectUri);
        var browser = await app.SignedInAsync(DemoUsers.Applicant);
        var logout = await browser.GetAsync($"/connect/logout?client_id={clientId}&post_logout_redirect_uri={Uri.EscapeDataString(RedirectUri)}");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(RedirectUri, logout.Headers.Location!.AbsoluteUri);
        var afterwards = await browser.GetAsync("/Applicant");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Accounts/Login", afterwards.Headers.Location!.PathAndQuery);
    }
}
