using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GrantPortal.Web.Tests.OngoingProjects.OngoingCsv;

namespace GrantPortal.Web.Tests.OngoingProjects;

public sealed class OngoingEditTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static Dictionary<string, string> Form(string code, int n, string endsOn = "2021-06-30", uint version = 0) => new()
    {
        ["Input.Programme"] = "NationalKeyRd", ["Input.ProjectCode"] = code, ["Input.DocumentType"] = "ResidentIdCard",
        ["Input.DocumentNumber"] = Rid(n), ["Input.PersonName"] = "编辑" + n, ["Input.Role"] = "TaskLeader",
        ["Input.StartsOn"] = "2018-07-01", ["Input.OriginalEndsOn"] = "2021-06-30", ["Input.EndsOn"] = endsOn, ["Input.Version"] = version.ToString(),
    };

    [Fact]
    public async Task Edit_WithStaleVersion_ShowsConflictWithStoredValues_KeepsInput()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        var created = await staff.PostFormAsync("/OngoingProjects/Edit", Form("EDIT-1", 7001));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var record = await app.WithDbAsync(db => db.OngoingProjects.AsNoTracking().SingleAsync(p => p.ProjectCode == "EDIT-1"));
        var first = await staff.PostFormAsync($"/OngoingProjects/Edit/{record.Id}", Form("EDIT-1", 7001, "2022-06-30", record.Version));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var stale = await staff.PostFormAsync($"/OngoingProjects/Edit/{record.Id}", Form("EDIT-1", 7001, "2023-06-30", record.Version));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("id=\"conflict\"", html);
        Assert.Contains("data-stored=\"2022-06-30\"", html);
        Assert.Contains("value=\"2023-06-30\"", html);
        Assert.Contains("data-code=\"REG-CONFLICT\"", html);
        Assert.DoesNotContain("[[", html);
        Assert.Equal(new DateOnly(2022, 6, 30), (await app.WithDbAsync(db => db.OngoingProjects.AsNoTracking().SingleAsync(p => p.Id == record.Id))).EndsOn);

        var details = await (await staff.GetAsync($"/OngoingProjects/Details/{record.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-action=\"Added\"", details);
        Assert.Contains("data-action=\"Modified\"", details);
        Assert.Contains($"entityType=OngoingProject&entityId={record.Id}", System.Net.WebUtility.HtmlDecode(details));
        Assert.DoesNotContain("[[", details);
    }

    [Fact]
    public async Task Edit_WithUnorderedDatesAndBadCheckDigit_ShowsEachErrorBesideItsField()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        var form = Form("EDIT-2", 7002, "2020-06-30");
        form["Input.DocumentNumber"] = Rid(7002)[..^1] + (Rid(7002)[^1] == '0' ? '1' : '0');
        form["Input.LeftTeamOn"] = "2030-01-01";
        var html = await (await staff.PostFormAsync("/OngoingProjects/Edit", form)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"EndsOn-error\"", html);
        Assert.Contains("data-code=\"ONG-END-BEFORE-ORIGINAL-END\"", html);
        Assert.Contains("data-code=\"REG-RID-CHECKDIGIT\"", html);
        Assert.Contains("data-code=\"ONG-LEFT-OUTSIDE-PERIOD\"", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.OngoingProjects.CountAsync(p => p.ProjectCode == "EDIT-2")));
    }

    [Fact]
    public async Task Api_CreateUpdateConflictDelete()
    {
        var api = await app.StaffApiAsync();
        var body = new Dictionary<string, object?>
        {
            ["programme"] = "NationalSciTechMajor", ["projectCode"] = "API-1", ["documentType"] = "Passport", ["documentNumber"] = "E1234567",
            ["personName"] = "John Smith", ["role"] = "KeyMember", ["startsOn"] = "2018-01-01", ["originalEndsOn"] = "2020-12-31", ["endsOn"] = "2020-12-31",
        };
        var created = await api.PostAsJsonAsync("/api/v1/ongoing-projects", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = json.GetProperty("id").GetString();
        var version = json.GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/ongoing-projects", body)).StatusCode);

        body["endsOn"] = "2021-12-31";
        body["version"] = version;
        var updated = await api.PutAsJsonAsync($"/api/v1/ongoing-projects/{id}", body);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/ongoing-projects/{id}", body);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("REG-CONFLICT", problem.GetProperty("errors")[0].GetProperty("code").GetString());

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/ongoing-projects?search=api-1&ongoingAfter=2021-06-30");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var newVersion = (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/ongoing-projects/{id}?version={version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/ongoing-projects/{id}?version={newVersion}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/ongoing-projects/{id}")).StatusCode);
    }

    public static TheoryData<string> Others => new()
    {
        DemoUsers.Admin, DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Expert,
    };

    private static readonly string[] Pages = ["/OngoingProjects", "/OngoingProjects/Edit", "/OngoingProjects/Import", $"/OngoingProjects/Details/{Guid.NewGuid()}"];

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Pages_ForOtherRoles_AreRefused(string email)
    {
        var client = await app.SignedInAsync(email);
        foreach (var path in Pages)
        {
            var get = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", get.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Pages_ForStaff_AreOpen_InBothLanguages_AnonymousIsSentToSignIn()
    {
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var path in Pages[..3].Append("/ExchangeCenter"))
            {
                var response = await staff.GetAsync(path + "?culture=" + culture);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain("[[", await response.Content.ReadAsStringAsync());
            }
        }
        Assert.Contains("id=\"link-ongoing-projects\"", await (await staff.GetAsync("/ExchangeCenter")).Content.ReadAsStringAsync());
        var example = await staff.GetAsync("/OngoingProjects/Import?handler=Example");
        Assert.Equal("text/csv", example.Content.Headers.ContentType!.MediaType);

        var anonymous = app.CreateBrowser();
        foreach (var path in Pages)
        {
            var get = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/Accounts/Login", get.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Api_ForOtherRoles_IsRefused_AnonymousGets401()
    {
        foreach (var role in new[] { Roles.Applicant, Roles.LeadUnitAdmin, Roles.RecommenderOfficer, Roles.Expert })
        {
            var api = await app.ApiClientAsync([role], null);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/ongoing-projects")).StatusCode);
            var post = await api.PostAsync("/api/v1/ongoing-projects/import", new StringContent(Header, System.Text.Encoding.UTF8, "text/csv"));
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{role}: {(int)post.StatusCode} {post.Headers.WwwAuthenticate}");
        }
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/ongoing-projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/ongoing-projects/import", new StringContent(Header))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.StaffApiAsync()).GetAsync("/api/v1/ongoing-projects")).StatusCode);
    }
}
