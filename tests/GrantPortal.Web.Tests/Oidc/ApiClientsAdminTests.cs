using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Oidc;

// The platform admin registers API clients in /Admin/ApiClients and through /api/v1/api-clients.
public sealed partial class ApiClientsAdminTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private async Task<Guid> StaffUnitAsync() =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Staff).Select(u => u.UnitId!.Value.Value).SingleAsync());

    private static Dictionary<string, string> SystemClientForm(string name, string role, Guid? unit) => new()
    {
        ["DisplayName"] = name, ["Kind"] = "system", ["Roles"] = role, ["UnitId"] = unit?.ToString() ?? "", ["RedirectUris"] = "",
    };

    [Fact]
    public async Task Register_SystemClient_ShowsSecretOnce_AndTheSecretObtainsAToken()
    {
        var unit = await StaffUnitAsync();
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var created = await admin.PostFormAsync("/Admin/ApiClients/Register", SystemClientForm("交流中心数据同步", Roles.ExchangeCenterStaff, unit));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        var html = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("[[", html);
        var clientId = Code("client-id").Match(html).Groups[1].Value;
        var secret = Code("client-secret").Match(html).Groups[1].Value;
        Assert.NotEmpty(clientId);
        Assert.True(secret.Length >= 40);

        var api = app.CreateClient().WithBearer(await app.CreateClient().ClientCredentialsTokenAsync(clientId, secret));
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal([Roles.ExchangeCenterStaff], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(unit.ToString(), me.GetProperty("unitId").GetString());

        // Shown once: neither the list nor the stored record nor the audit trail holds it.
        var list = await (await admin.GetAsync("/Admin/ApiClients")).Content.ReadAsStringAsync();
        Assert.Contains(clientId, list);
        Assert.DoesNotContain(secret, list);
        Assert.DoesNotContain("[[", list);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ApiClient").Select(a => a.Changes).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, changes => Assert.DoesNotContain(secret, changes));
        Assert.Contains(audit, changes => changes.Contains(clientId));
    }

    [Fact]
    public async Task Register_WithMissingNameAndRoles_ShowsFieldErrorsAndKeepsInput()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var response = await admin.PostFormAsync("/Admin/ApiClients/Register", new Dictionary<string, string>
        {
            ["DisplayName"] = " ", ["Kind"] = "system", ["RedirectUris"] = "https://kept.example.test/cb",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-code=\"ApiClients.DisplayNameRequired\"", html);
        Assert.Contains("data-code=\"ApiClients.RolesRequired\"", html);
        Assert.Contains("https://kept.example.test/cb", html);
        Assert.DoesNotContain("id=\"client-secret\"", html);
    }

    [Fact]
    public async Task Register_RoleActingForAUnitWithoutUnit_IsRefusedWithUnitRequired()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await admin.PostFormAsync("/Admin/ApiClients/Register", SystemClientForm("无单位", Roles.Applicant, null))).Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"ApiClients.UnitRequired\"", html);
    }

    [Fact]
    public async Task Register_AppWithRelativeOrFragmentRedirectUri_IsRefused()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await admin.PostFormAsync("/Admin/ApiClients/Register", new Dictionary<string, string>
        {
            ["DisplayName"] = "移动端", ["Kind"] = "app", ["RedirectUris"] = "/callback\nhttps://app.example.test/cb#frag",
        })).Content.ReadAsStringAsync();
        Assert.Equal(2, Regex.Matches(html, "<div data-code=\"ApiClients.RedirectUriInvalid\">").Count);
    }

    [Fact]
    public async Task Register_App_IsAPublicClientUsableWithPkce()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await admin.PostFormAsync("/Admin/ApiClients/Register", new Dictionary<string, string>
        {
            ["DisplayName"] = "移动端", ["Kind"] = "app", ["RedirectUris"] = "https://app.example.test/cb\r\ncom.example.app:/oauth",
        })).Content.ReadAsStringAsync();
        var clientId = Code("client-id").Match(html).Groups[1].Value;
        Assert.DoesNotContain("id=\"client-secret\"", html);

        var browser = await app.SignedInAsync(DemoUsers.Recommender);
        var pkce = Tokens.NewPkce();
        var authorize = await browser.GetAsync(Tokens.AuthorizeUrl(clientId, "com.example.app:/oauth", pkce.Challenge));
        var code = Tokens.ResponseParameter(authorize, "code");
        Assert.NotNull(code);
        var token = await app.CreateClient().RedeemCodeAsync(clientId, code!, "com.example.app:/oauth", pkce.Verifier);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task RotateSecret_OldSecretStopsWorking_NewSecretWorks()
    {
        var (clientId, oldSecret) = await app.RegisterClientAsync([Roles.Expert], null);
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Admin/ApiClients/{clientId}/RotateSecret")).StatusCode);
        var html = await (await admin.PostFormAsync($"/Admin/ApiClients/{clientId}/RotateSecret", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        var newSecret = Code("client-secret").Match(html).Groups[1].Value;
        Assert.NotEmpty(newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenResponseAsync(clientId, oldSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenResponseAsync(clientId, newSecret)).StatusCode);
    }

    [Fact]
    public async Task Delete_ClientCanNoLongerObtainTokens()
    {
        var (clientId, secret) = await app.RegisterClientAsync([Roles.Expert], null);
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Admin/ApiClients/{clientId}/Delete")).StatusCode);
        var deleted = await admin.PostFormAsync($"/Admin/ApiClients/{clientId}/Delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenResponseAsync(clientId, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/ApiClients/{clientId}/Delete")).StatusCode);
    }

    [Fact]
    public async Task Api_RegisterRotateDelete_WorkAsThePages()
    {
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var created = await api.PostAsJsonAsync("/api/v1/api-clients", new
        {
            displayName = "省科技厅对接", kind = "system", roles = new[] { Roles.RecommenderOfficer },
            unitId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Recommender).Select(u => u.UnitId!.Value.Value).SingleAsync()),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = body.GetProperty("clientId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await TokenResponseAsync(clientId, body.GetProperty("clientSecret").GetString()!)).StatusCode);

        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/api-clients");
        var row = listed.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal([Roles.RecommenderOfficer], row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("clientSecret", listed.ToString());

        var rotated = await api.PostAsync($"/api/v1/api-clients/{clientId}/secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await TokenResponseAsync(clientId, newSecret)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/api-clients/{clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/api-clients/{clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/api-clients/{clientId}/secret", null)).StatusCode);
    }

    [Fact]
    public async Task Api_Register_WithBadInput_Is400WithCodesAndFields()
    {
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var response = await api.PostAsJsonAsync("/api/v1/api-clients?culture=en", new
        {
            displayName = "", kind = "app", redirectUris = new[] { "not a uri" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "ApiClients.DisplayNameRequired" && e.GetProperty("field").GetString() == "displayName");
        var uri = Assert.Single(errors, e => e.GetProperty("code").GetString() == "ApiClients.RedirectUriInvalid");
        Assert.Equal("not a uri", uri.GetProperty("args").GetProperty("uri").GetString());
        Assert.All(errors, e => Assert.DoesNotContain("[[", e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Api_RotateSecretOfPublicClient_IsRefusedWithNoSecret()
    {
        var clientId = await app.RegisterPublicClientAsync("https://app.example.test/cb");
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var response = await api.PostAsync($"/api/v1/api-clients/{clientId}/secret", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ApiClients.NoSecret", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    // Role matrix: only the platform admin; every other demo role is refused; anonymous signs in.
    public static TheoryData<string> OtherUsers => new()
    {
        DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert,
    };

    private static readonly string[] Pages = ["/Admin/ApiClients", "/Admin/ApiClients/Register"];

    [Fact]
    public async Task Pages_PlatformAdmin_IsAllowed()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        foreach (var page in Pages)
        {
            var response = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("[[", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(OtherUsers))]
    public async Task Pages_OtherRoles_AreRefused(string email)
    {
        var (clientId, secret) = await app.RegisterClientAsync([Roles.Expert], null);
        var client = await app.SignedInAsync(email);
        foreach (var page in Pages.Append($"/Admin/ApiClients/{clientId}/RotateSecret").Append($"/Admin/ApiClients/{clientId}/Delete"))
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var post = await client.PostFormAsync($"/Admin/ApiClients/{clientId}/Delete", new Dictionary<string, string>(), formUrl: "/Calls");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenResponseAsync(clientId, secret)).StatusCode);
    }

    [Fact]
    public async Task Pages_Anonymous_IsSentToSignIn()
    {
        var client = app.CreateBrowser();
        foreach (var page in Pages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    public static TheoryData<string> NonAdminRoles => new()
    {
        Roles.Applicant, Roles.LeadUnitAdmin, Roles.RecommenderOfficer, Roles.ExchangeCenterStaff, Roles.Expert,
    };

    [Fact]
    public async Task Api_PlatformAdmin_IsAllowed()
    {
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/api-clients")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task Api_OtherRoles_Are403(string role)
    {
        var unit = Roles.NeedsUnit(role) ? new Domain.Common.UnitId(await StaffUnitAsync()) : (Domain.Common.UnitId?)null;
        var api = await app.ApiClientAsync([role], unit);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/api-clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/api-clients", new { displayName = "x", kind = "system", roles = new[] { Roles.PlatformAdmin } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync("/api/v1/api-clients/whatever")).StatusCode);
    }

    [Fact]
    public async Task Api_Anonymous_Is401()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/api-clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/api-clients", new { displayName = "x" })).StatusCode);
    }

    [Fact]
    public async Task Api_SignInCookie_IsNotAccepted()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/api-clients")).StatusCode);
    }

    private Task<HttpResponseMessage> TokenResponseAsync(string clientId, string secret) =>
        app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));

    private static Regex Code(string id) => new($"<code id=\"{id}\">([^<]+)</code>");
}
