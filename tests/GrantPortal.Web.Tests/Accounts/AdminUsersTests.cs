using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.Web.Tests.Accounts.AccountTestKit;

namespace GrantPortal.Web.Tests.Accounts;

public sealed class AdminUsersTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string> RefusedUsers => new()
    {
        DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert,
    };

    public static TheoryData<string> NonAdminRoles => new()
    {
        Roles.Applicant, Roles.LeadUnitAdmin, Roles.RecommenderOfficer, Roles.ExchangeCenterStaff, Roles.Expert,
    };

    private async Task<string> EditUrlAsync() =>
        "/Admin/Users/Edit?id=" + await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Expert).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task UserPages_Admin_IsAllowed_WithEveryText()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        foreach (var path in new[] { "/Admin/Users", "/Admin/Users/Create", await EditUrlAsync(), "/Admin/Users?culture=en", "/Admin/Users/Create?culture=en" })
        {
            var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("[[", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(RefusedUsers))]
    public async Task UserPages_OtherRoles_AreRefused(string email)
    {
        var client = await app.SignedInAsync(email);
        foreach (var path in new[] { "/Admin/Users", "/Admin/Users/Create", await EditUrlAsync() })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task UserPages_Anonymous_IsSentToSignIn()
    {
        foreach (var path in new[] { "/Admin/Users", "/Admin/Users/Create", await EditUrlAsync() })
        {
            var response = await app.CreateBrowser().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Create_RecommenderOfficer_OfRecommendingUnit_HasRoleUnitAndSetPasswordMail()
    {
        var email = UniqueEmail("officer");
        var association = await app.UnitIdAsync(SeedRegistry.AssociationCode);
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "协会 专员", ["Roles"] = Roles.RecommenderOfficer, ["UnitId"] = association.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal(association, user.UnitId);
        Assert.Equal([Roles.RecommenderOfficer], await users.GetRolesAsync(user));
        var mail = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.ToAddress == email));
        Assert.Contains("/Accounts/ResetPassword?userId=" + user.Id, mail.TextBody);
    }

    [Theory]
    [InlineData(Roles.RecommenderOfficer, nameof(SeedRegistry.UniversityCode))]
    [InlineData(Roles.ExchangeCenterStaff, nameof(SeedRegistry.ProvinceCode))]
    [InlineData(Roles.LeadUnitAdmin, nameof(SeedRegistry.AllianceCode))]
    [InlineData(Roles.Applicant, nameof(SeedRegistry.StateOrganCode))]
    public async Task Create_WithUnitThatDoesNotFitRole_IsRefusedWithCode_AndKeepsInput(string role, string unitCodeName)
    {
        var email = UniqueEmail("misfit");
        var unit = await app.UnitIdAsync((string)typeof(SeedRegistry).GetField(unitCodeName)!.GetValue(null)!);
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "Misfit", ["Roles"] = role, ["UnitId"] = unit.ToString(),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["AdminUsers.UnitDoesNotFitRole"], FieldCodes(html, "UnitId"));
        Assert.Contains($"value=\"{email}\"", html);
        Assert.Contains($"value=\"{unit}\" selected=\"selected\"", html);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == email)));
    }

    [Fact]
    public async Task Create_UnitRoleWithoutUnit_ShowsUnitRequired_ExpertWithoutUnitIsFine()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var refused = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = UniqueEmail("nounit"), ["DisplayName"] = "No unit", ["Roles"] = Roles.LeadUnitAdmin, ["UnitId"] = "",
        });
        var expert = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = UniqueEmail("expert"), ["DisplayName"] = "Expert", ["Roles"] = Roles.Expert, ["UnitId"] = "",
        });

        Assert.Equal(["AdminUsers.UnitRequired"], FieldCodes(await refused.Content.ReadAsStringAsync(), "UnitId"));
        Assert.Equal(HttpStatusCode.Redirect, expert.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutRoleOrEmail_ShowsCodes()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string> { ["Email"] = "not-an-address", ["DisplayName"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(["Account.EmailInvalid"], FieldCodes(html, "Email"));
        Assert.Equal(["Account.DisplayNameRequired"], FieldCodes(html, "DisplayName"));
        Assert.Equal(["AdminUsers.RoleRequired"], FieldCodes(html, "Roles"));
    }

    [Fact]
    public async Task List_SearchesByEmailAndName_AndFiltersByRole()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var byEmail = await (await admin.GetAsync("/Admin/Users?q=PI2@demo")).Content.ReadAsStringAsync();
        var byName = await (await admin.GetAsync("/Admin/Users?q=" + Uri.EscapeDataString("陈静"))).Content.ReadAsStringAsync();
        var byRole = await (await admin.GetAsync("/Admin/Users?role=" + Roles.ExchangeCenterStaff)).Content.ReadAsStringAsync();

        Assert.Equal([DemoUsers.OtherApplicant], Emails(byEmail));
        Assert.Equal([DemoUsers.Expert], Emails(byName));
        Assert.Equal([DemoUsers.Staff], Emails(byRole));
    }

    [Fact]
    public async Task List_PagesThroughUsers()
    {
        var total = await app.WithDbAsync(db => db.Users.CountAsync());
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);

        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=3&page=1");
        var second = await api.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=3&page=2");

        Assert.Equal(total, first.GetProperty("total").GetInt32());
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Edit_ChangesRolesAndUnit()
    {
        var user = await app.ConfirmedUserAsync(UniqueEmail("edit"));
        var url = "/Admin/Users/Edit?id=" + user.Id;
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var stamp = Stamp(await (await admin.GetAsync(url)).Content.ReadAsStringAsync());
        var institute = await app.UnitIdAsync(SeedRegistry.InstituteCode);

        var response = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Id"] = user.Id.ToString(), ["DisplayName"] = "改名 之后", ["Roles"] = Roles.LeadUnitAdmin, ["UnitId"] = institute.ToString(), ["ConcurrencyStamp"] = stamp,
        });

        Assert.Contains("id=\"user-saved\"", await response.Content.ReadAsStringAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        Assert.Equal("改名 之后", stored.DisplayName);
        Assert.Equal(institute, stored.UnitId);
        Assert.Equal([Roles.LeadUnitAdmin], await users.GetRolesAsync(stored));
    }

    [Fact]
    public async Task Edit_WithStaleStamp_IsRefusedAsConflict_ShowingCurrentValues()
    {
        var user = await app.ConfirmedUserAsync(UniqueEmail("stale"));
        var url = "/Admin/Users/Edit?id=" + user.Id;
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var stamp = Stamp(await (await admin.GetAsync(url)).Content.ReadAsStringAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var other = (await users.FindByIdAsync(user.Id.ToString()))!;
            other.DisplayName = "别人改的";
            Assert.True((await users.UpdateAsync(other)).Succeeded);
        }
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);

        var response = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Id"] = user.Id.ToString(), ["DisplayName"] = "我改的", ["Roles"] = Roles.Applicant, ["UnitId"] = unit.ToString(), ["ConcurrencyStamp"] = stamp,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("data-code=\"AdminUsers.Conflict\"", html);
        Assert.Contains("id=\"conflict-current\"", html);
        Assert.Contains("别人改的", html);
        Assert.Contains("value=\"我改的\"", html);
        Assert.Equal("别人改的", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Edit_AdminCannotRemoveOwnAdminRole()
    {
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync());
        var url = "/Admin/Users/Edit?id=" + adminId;
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var stamp = Stamp(await (await admin.GetAsync(url)).Content.ReadAsStringAsync());

        var response = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Id"] = adminId.ToString(), ["DisplayName"] = "平台管理员", ["Roles"] = Roles.Expert, ["ConcurrencyStamp"] = stamp,
        });

        Assert.Equal(["AdminUsers.CannotDemoteSelf"], FieldCodes(await response.Content.ReadAsStringAsync(), "Roles"));
    }

    [Fact]
    public async Task Api_Users_PlatformAdminIsAllowed()
    {
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var expertId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Expert).Select(u => u.Id).SingleAsync());

        var list = await api.GetAsync("/api/v1/users?search=expert@demo");
        var one = await api.GetAsync($"/api/v1/users/{expertId}");
        var missing = await api.GetAsync($"/api/v1/users/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var items = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Equal(DemoUsers.Expert, Assert.Single(items.EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal([Roles.Expert], (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task Api_Users_OtherRolesAreRefused(string role)
    {
        var unit = Roles.NeedsUnit(role) ? await app.UnitIdAsync(SeedRegistry.UniversityCode) : (GrantPortal.Domain.Common.UnitId?)null;
        var api = await app.ApiClientAsync([role], unit);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/users/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/users", new { email = UniqueEmail("x"), displayName = "x", roles = new[] { Roles.Expert } })).StatusCode);
    }

    [Fact]
    public async Task Api_Users_WithoutToken_Is401()
    {
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/users", new { email = "a@b.c" })).StatusCode);
    }

    [Fact]
    public async Task Api_Create_MakesTheUser_AndMailsIt()
    {
        var email = UniqueEmail("api");
        var centre = await app.UnitIdAsync(SeedRegistry.ExchangeCenterCode);
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);

        var response = await api.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Staff", roles = new[] { Roles.ExchangeCenterStaff }, unitId = centre.Value });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/users/{body.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal(centre.Value, body.GetProperty("unitId").GetGuid());
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == email)));
    }

    [Fact]
    public async Task Api_Create_WithUnfitUnit_Is400WithCodes_InRequestCulture()
    {
        var university = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        var api = await app.ApiClientAsync([Roles.PlatformAdmin], null);

        var response = await api.PostAsJsonAsync("/api/v1/users?culture=en",
            new { email = UniqueEmail("api-bad"), displayName = "Officer", roles = new[] { Roles.RecommenderOfficer }, unitId = university.Value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("AdminUsers.UnitDoesNotFitRole", error.GetProperty("code").GetString());
        Assert.Equal("unitId", error.GetProperty("field").GetString());
        Assert.Equal(Roles.RecommenderOfficer, error.GetProperty("args").GetProperty("role").GetString());
        Assert.DoesNotContain("{role}", error.GetProperty("message").GetString());
        Assert.DoesNotContain("[[", error.GetProperty("message").GetString());
    }

    private static List<string> Emails(string html) =>
        Regex.Matches(html, "<a href=\"/Admin/Users/Edit\\?id=[^\"]+\">([^<]+)</a>").Select(m => m.Groups[1].Value).ToList();

    private static string Stamp(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"ConcurrencyStamp\" value=\"([^\"]*)\"").Groups[1].Value);
}
