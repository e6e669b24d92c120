using System.Net;
using System.Net.Http.Json;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using static GrantPortal.Web.Tests.Registries.RegistryTestData;

namespace GrantPortal.Web.Tests.Registries;

// Reading: the platform admin and every user attached to a unit (narrowed to that unit).
// Writing (edit pages, POST/PUT): the platform admin only. Anonymous: sign-in / 401.
public sealed class RegistryRoleMatrixTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string> NonAdmins => new()
    {
        DemoUsers.Applicant, DemoUsers.OtherApplicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert,
    };

    public static TheoryData<string> NonAdminRoles => new()
    {
        Roles.Applicant, Roles.LeadUnitAdmin, Roles.RecommenderOfficer, Roles.ExchangeCenterStaff, Roles.Expert,
    };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task EditPages_ForNonAdmin_AreRefused_ListsAreOpen(string email)
    {
        var client = await app.SignedInAsync(email);
        var unit = await app.JinghuaAsync();
        var person = await app.PersonAsync(SeedRegistry.Rid("11010519750312123"));
        foreach (var path in new[] { "/Registries/Units/Edit", $"/Registries/Units/Edit/{unit}", "/Registries/People/Edit", $"/Registries/People/Edit/{person.Id}" })
        {
            var get = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", get.Headers.Location!.PathAndQuery);
            var post = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "x" }));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", post.Headers.Location!.PathAndQuery);
        }
        foreach (var path in new[] { "/Registries/Units", "/Registries/People" })
        {
            var list = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var html = await list.Content.ReadAsStringAsync();
            Assert.DoesNotContain("[[", html);
            Assert.DoesNotContain("id=\"new-unit\"", html);
            Assert.DoesNotContain("id=\"new-person\"", html);
        }
    }

    [Fact]
    public async Task EditPages_ForAdmin_AreOpen_InBothLanguages()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var unit = await app.JinghuaAsync();
        var person = await app.PersonAsync(SeedRegistry.Rid("11010519750312123"));
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var path in new[]
            {
                "/Registries/Units", "/Registries/People", $"/Registries/Units/Details/{unit}", $"/Registries/People/Details/{person.Id}",
                "/Registries/Units/Edit", $"/Registries/Units/Edit/{unit}", "/Registries/People/Edit", $"/Registries/People/Edit/{person.Id}",
            })
            {
                var response = await client.GetAsync(path + "?culture=" + culture);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain("[[", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task EditPage_OfUnknownRecord_Is404()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registries/Units/Edit/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registries/People/Edit/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("/Registries/Units")]
    [InlineData("/Registries/People")]
    [InlineData("/Registries/Units/Edit")]
    [InlineData("/Registries/People/Edit")]
    public async Task Pages_Anonymous_AreSentToSignIn(string path)
    {
        var response = await app.CreateBrowser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task WriteEndpoints_ForNonAdminRole_Are403_ReadsAre200(string role)
    {
        var unit = await app.JinghuaAsync();
        var client = await app.ApiClientAsync([role], unit);
        var unitBody = new { name = "越权", kind = "University", socialCreditCode = NewUscc(), version = 0 };
        var personBody = new { documentType = "Passport", documentNumber = "X1234567", name = "越权", birthDate = "1970-01-01", version = 0 };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/units", unitBody)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/units/{unit}", unitBody)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/units/{unit}/verify", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/people", personBody)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}", personBody)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/units/{unit}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task ReadEndpoints_ForNonAdminWithoutUnit_Are403()
    {
        var client = await app.ApiClientAsync([Roles.Expert], null);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/units/{await app.JinghuaAsync()}")).StatusCode);
    }

    [Fact]
    public async Task Endpoints_WithoutToken_Are401()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/units", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Endpoints_ForAdmin_AreOpen_AndDescribedInOpenApi()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people")).StatusCode);
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/units/{id}", doc);
        Assert.Contains("/api/v1/people/{id}", doc);
        Assert.Contains("Search the units registry (paged)", doc);
    }
}

public sealed class RegistryCatalogTests
{
    private static readonly string[] DomainCodes =
    [
        "REG-USCC-REQUIRED", "REG-USCC-FORMAT", "REG-USCC-CHECKDIGIT", "REG-RID-FORMAT", "REG-RID-CHECKDIGIT", "REG-RID-BIRTHDATE",
        "REG-RID-BIRTHDATE-MISMATCH", "REG-NAME-REQUIRED", "REG-COUNTRY-INVALID", "REG-FOREIGN-REGNO-REQUIRED", "REG-DATE-FUTURE",
        "REG-DOCNO-REQUIRED", "REG-DOCNO-FORMAT", "REG-BIRTHDATE-RANGE", "REG-FIELD-NOT-APPLICABLE",
        "REG-USCC-DUPLICATE", "REG-FOREIGN-DUPLICATE", "REG-DOCUMENT-DUPLICATE",
    ];

    [Fact]
    public void RegistryCodes_ExistInBothLanguages_WithTheSamePlaceholders()
    {
        var catalog = new GrantPortal.Web.Infrastructure.Localization.Catalog();
        foreach (var code in DomainCodes) Assert.True(catalog.Contains(code), code);
        foreach (var (code, texts) in catalog.All.Where(c => c.Key.StartsWith("REG-", StringComparison.Ordinal) || c.Key.StartsWith("Registries.", StringComparison.Ordinal)))
        {
            Assert.True(texts.ContainsKey("zh-CN") && texts.ContainsKey("en"), code);
            Assert.Equal(
                GrantPortal.Web.Infrastructure.Localization.Catalog.PlaceholdersOf(texts["zh-CN"]).Order(),
                GrantPortal.Web.Infrastructure.Localization.Catalog.PlaceholdersOf(texts["en"]).Order());
        }
        Assert.Equal(["embedded", "birthDate"], GrantPortal.Web.Infrastructure.Localization.Catalog.PlaceholdersOf(catalog.All["REG-RID-BIRTHDATE-MISMATCH"]["en"]));
    }
}
