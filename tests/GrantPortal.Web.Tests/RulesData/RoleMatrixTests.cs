using System.Net;
using System.Net.Http.Json;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.RulesData;

// The guide-expert list of a call and the sanctions of people: the platform admin only, pages and
// API; every other demo role is refused; anonymous goes to sign-in (pages) or gets 401 (API).
public sealed class RoleMatrixTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string> NonAdmins => new()
    {
        DemoUsers.Applicant, DemoUsers.OtherApplicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert,
    };

    private async Task<string[]> PagesAsync()
    {
        var call = await app.DemoCallIdAsync();
        var person = await app.PersonIdAsync(SeedRegistry.Rid("11010519750312123"));
        return [$"/Admin/Calls/GuideExperts/{call}", $"/Registries/People/Sanctions/Edit/{person}"];
    }

    private async Task<string[]> ApiPathsAsync()
    {
        var call = await app.DemoCallIdAsync();
        var person = await app.PersonIdAsync(SeedRegistry.Rid("11010519750312123"));
        return [$"/api/v1/calls/{call}/guide-experts", $"/api/v1/people/{person}/sanctions"];
    }

    [Fact]
    public async Task Pages_ForAdmin_AreOpen_InBothLanguages()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var path in await PagesAsync())
            {
                var response = await client.GetAsync(path + "?culture=" + culture);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain("[[", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Pages_ForEveryOtherRole_AreRefused(string email)
    {
        var client = await app.SignedInAsync(email);
        foreach (var path in await PagesAsync())
        {
            var get = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", get.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Pages_Anonymous_GoToSignIn()
    {
        var client = app.CreateBrowser();
        foreach (var path in await PagesAsync())
        {
            var get = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/Accounts/Login", get.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Api_ForAdmin_Answers200()
    {
        var client = await app.UserApiAsync(DemoUsers.Admin);
        foreach (var path in await ApiPathsAsync()) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Api_ForEveryOtherRole_Answers403_AndWritesNothing(string email)
    {
        var client = await app.UserApiAsync(email);
        var call = await app.DemoCallIdAsync();
        var person = await app.PersonIdAsync(SeedRegistry.Rid("11010519750312123"));
        foreach (var path in await ApiPathsAsync()) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/calls/{call}/guide-experts", new { personId = person.Value, role = "GuideDrafting" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/people/{person}/sanctions", new { kind = "CreditBlacklist", startsOn = "2020-01-01", reference = "x" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PersonSanctions, s => s.Reference == "x")));
    }

    [Fact]
    public async Task Api_Anonymous_Answers401()
    {
        var client = app.CreateClient();
        foreach (var path in await ApiPathsAsync()) Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task PersonPage_OfAColleagueWithASanction_ShowsNoSanctionToANonAdmin()
    {
        var person = await app.PersonIdAsync(SeedRegistry.Rid("11010819820708234"));
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/people/{person}/sanctions",
            new { kind = "ResearchMisconduct", startsOn = "2020-01-01", reference = "SECRET-REF-42" })).StatusCode);

        var colleague = await app.SignedInAsync(DemoUsers.Applicant);
        var page = await colleague.GetAsync($"/Registries/People/Details/{person}");
        var api = await (await app.UserApiAsync(DemoUsers.Applicant)).GetAsync($"/api/v1/people/{person}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"sanctions\"", html);
        Assert.DoesNotContain("SECRET-REF-42", html);
        Assert.DoesNotContain("SECRET-REF-42", await api.Content.ReadAsStringAsync());
        var adminPage = await (await app.SignedInAsync(DemoUsers.Admin)).GetAsync($"/Registries/People/Details/{person}");
        Assert.Contains("SECRET-REF-42", await adminPage.Content.ReadAsStringAsync());
    }
}
