using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Calls;

public sealed class CallsApiTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string> NonAdminRoles => new(Roles.All.Where(r => r != Roles.PlatformAdmin));
    public static TheoryData<string> AllRoles => new(Roles.All);

    private Task<HttpClient> Admin() => app.ApiClientAsync([Roles.PlatformAdmin], null);

    [Fact]
    public async Task Post_WithCloseFortyNineDaysAfterPublication_Is400WithCallWindowAndItsArgs()
    {
        var admin = await Admin();
        var code = CallForms.NewCode();

        var response = await admin.PostAsJsonAsync("/api/v1/calls?culture=en", CallForms.Api(code, closeDays: 49));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "CALL-WINDOW");
        Assert.Equal("preWindowCloses", error.GetProperty("field").GetString());
        Assert.Equal("49", error.GetProperty("args").GetProperty("days").GetString());
        Assert.Equal("50", error.GetProperty("args").GetProperty("min").GetString());
        Assert.DoesNotContain("[[", error.GetProperty("message").GetString());
        Assert.False(await app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task Post_WithCloseFiftyDaysAfterPublication_Is201_AndGetReturnsIt()
    {
        var admin = await Admin();
        var code = CallForms.NewCode();

        var response = await admin.PostAsJsonAsync("/api/v1/calls", CallForms.Api(code, closeDays: 50));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/calls/{id}", response.Headers.Location?.OriginalString);
        var reader = await app.ApiClientAsync([Roles.Expert], null);
        var call = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");
        Assert.Equal(code, call.GetProperty("code").GetString());
        Assert.Equal(CallForms.D(CallForms.Published.AddDays(52)), call.GetProperty("recommenderDeadlineOn").GetString());
        var direction = Assert.Single(call.GetProperty("directions").EnumerateArray());
        Assert.Equal("接口方向", direction.GetProperty("title").GetString());
        Assert.Equal(["PI-AGE", "PI-TITLE"], call.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Put_WithStaleVersion_Is409_AndTheFirstEditStays()
    {
        var admin = await Admin();
        var code = CallForms.NewCode();
        var created = await (await admin.PostAsJsonAsync("/api/v1/calls", CallForms.Api(code))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetUInt32();

        var first = await admin.PutAsJsonAsync($"/api/v1/calls/{id}", CallForms.Api(code, title: "第一次", version: version));
        var second = await admin.PutAsJsonAsync($"/api/v1/calls/{id}", CallForms.Api(code, title: "第二次", version: version));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CALL-CONFLICT", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("第一次", problem.GetProperty("current").GetProperty("title").GetString());
        Assert.Equal("第一次", await app.WithDbAsync(db => db.Calls.Where(c => c.Code == code).Select(c => c.Title).SingleAsync()));
    }

    [Fact]
    public async Task Put_UnknownCall_Is404()
    {
        var admin = await Admin();
        var response = await admin.PutAsJsonAsync($"/api/v1/calls/{Guid.NewGuid()}", CallForms.Api(CallForms.NewCode()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithUnknownRuleAndDuplicateCode_ReportsBoth()
    {
        var admin = await Admin();
        var body = CallForms.Api("2018-SIC");
        body["ruleIds"] = new[] { "PI-AGE", "NO-SUCH-RULE" };

        var response = await admin.PostAsJsonAsync("/api/v1/calls", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("CALL-CODE-DUPLICATE", codes);
        Assert.Contains("CALL-RULE-UNKNOWN", codes);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task GetCalls_AnyAuthenticatedRole_Is200(string role)
    {
        var client = await app.ApiClientAsync([role], null);
        var calls = await client.GetFromJsonAsync<JsonElement>("/api/v1/calls");
        Assert.Contains(calls.EnumerateArray(), c => c.GetProperty("code").GetString() == "2018-SIC");
        var id = calls.EnumerateArray().First().GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/calls/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task WriteCalls_NonAdminRole_Is403(string role)
    {
        var client = await app.ApiClientAsync([role], null);
        var id = await app.WithDbAsync(db => db.Calls.Select(c => c.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/calls", CallForms.Api(CallForms.NewCode()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/calls/{id}", CallForms.Api(CallForms.NewCode()))).StatusCode);
    }

    [Fact]
    public async Task CallsApi_Anonymous_Is401()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/calls/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/calls", CallForms.Api(CallForms.NewCode()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync($"/api/v1/calls/{Guid.NewGuid()}", CallForms.Api(CallForms.NewCode()))).StatusCode);
    }

    [Fact]
    public async Task CallsApi_WithSignInCookieInsteadOfToken_Is401()
    {
        var browser = await app.SignedInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/v1/calls", CallForms.Api(CallForms.NewCode()))).StatusCode);
    }
}
