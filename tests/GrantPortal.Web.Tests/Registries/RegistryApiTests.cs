using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GrantPortal.Web.Tests.Registries.RegistryTestData;

namespace GrantPortal.Web.Tests.Registries;

public sealed class RegistryApiTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static IEnumerable<string> Codes(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!);

    [Fact]
    public async Task GetUnit_OfAnotherUnit_Is404_AndOwnIs200()
    {
        var unitA = await app.JinghuaAsync();
        var client = await app.ApiClientAsync([Roles.Applicant], unitA);
        var other = await client.GetAsync($"/api/v1/units/{await app.DonghaiAsync()}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains("REG-NOT-FOUND", Codes(await other.Content.ReadFromJsonAsync<JsonElement>()));
        var own = await client.GetAsync($"/api/v1/units/{unitA}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(SeedRegistry.UniversityCode, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("socialCreditCode").GetString());
    }

    [Fact]
    public async Task ListUnits_ForNonAdmin_HoldsOnlyOwnUnit()
    {
        var unitA = await app.JinghuaAsync();
        var client = await app.ApiClientAsync([Roles.LeadUnitAdmin], unitA);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?pageSize=100");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(unitA.Value, page.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ListUnits_SearchKindAndPaging_Work()
    {
        var prefix = "接口" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 7; i++) await app.AddUnitAsync(u => u.Name = $"{prefix}-{i}");
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units?search={Uri.EscapeDataString(prefix)}&kind=University&page=2&pageSize=5");
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        var none = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units?search={Uri.EscapeDataString(prefix)}&kind=Enterprise");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PostUnit_WithBadData_Is400ProblemWithEveryCode_AndSavesNothing()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var before = await app.WithDbAsync(db => db.Units.CountAsync());
        var response = await client.PostAsJsonAsync("/api/v1/units?culture=en", new
        {
            name = "",
            kind = "University",
            socialCreditCode = WithWrongCheckDigit(NewUscc()),
            registrationDate = "2099-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["REG-DATE-FUTURE", "REG-NAME-REQUIRED", "REG-USCC-CHECKDIGIT"], errors.Select(e => e.GetProperty("code").GetString()).Order());
        var checkDigit = errors.Single(e => e.GetProperty("code").GetString() == "REG-USCC-CHECKDIGIT");
        Assert.Equal("socialCreditCode", checkDigit.GetProperty("field").GetString());
        Assert.All(errors, e => Assert.DoesNotContain("[[", e.GetProperty("message").GetString()));
        var future = errors.Single(e => e.GetProperty("code").GetString() == "REG-DATE-FUTURE");
        Assert.Equal("2026-11-24", future.GetProperty("args").GetProperty("today").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task PostUnit_WithTakenCode_Is400UsccDuplicate()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var response = await client.PostAsJsonAsync("/api/v1/units", new { name = "重复", kind = "Enterprise", socialCreditCode = SeedRegistry.EnterpriseCode });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["REG-USCC-DUPLICATE"], Codes(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task PostThenPut_SavesAndAudits_StalePutIs409WithCurrentValues()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var created = await client.PostAsJsonAsync("/api/v1/units", new
        {
            name = "接口新建单位", kind = "ForeignEnterprise", countryCode = "fr", foreignRegistrationNumber = " rcs-123 ", registrationDate = "2010-05-05",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FR", unit.GetProperty("countryCode").GetString());
        Assert.Equal("RCS-123", unit.GetProperty("foreignRegistrationNumber").GetString());
        var id = unit.GetProperty("id").GetGuid();
        var version = unit.GetProperty("version").GetUInt32();
        Assert.NotNull(created.Headers.Location);

        var put = await client.PutAsJsonAsync($"/api/v1/units/{id}", new
        {
            name = "接口修改单位", kind = "ForeignEnterprise", countryCode = "FR", foreignRegistrationNumber = "RCS-123", registrationDate = "2010-05-05", isCreditBlacklisted = true, version,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var stale = await client.PutAsJsonAsync($"/api/v1/units/{id}", new
        {
            name = "过期修改", kind = "ForeignEnterprise", countryCode = "FR", foreignRegistrationNumber = "RCS-123", version,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["REG-CONFLICT"], Codes(problem));
        Assert.Equal("接口修改单位", problem.GetProperty("current").GetProperty("name").GetString());
        var stored = await app.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == new Domain.Common.UnitId(id)));
        Assert.Equal("接口修改单位", stored.Name);
        Assert.True(stored.IsCreditBlacklisted);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Unit" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Added", "Modified"], actions.Order());
    }

    [Fact]
    public async Task PutUnit_Unknown_Is404()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var response = await client.PutAsJsonAsync($"/api/v1/units/{Guid.NewGuid()}", new { name = "x", kind = "University", socialCreditCode = NewUscc(), version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetPerson_OfAnotherUnit_Is404_OwnIsMasked_AdminSeesWhole()
    {
        var unitA = await app.JinghuaAsync();
        var zhang = await app.PersonAsync(SeedRegistry.Rid("11010519750312123"));
        var wang = await app.PersonAsync(SeedRegistry.Rid("31010419571231345"));
        var client = await app.ApiClientAsync([Roles.Applicant], unitA);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/people/{wang.Id}")).StatusCode);
        var own = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zhang.Id}");
        Assert.Equal("110105********" + zhang.DocumentNumber[^4..], own.GetProperty("documentNumber").GetString());
        Assert.True(own.GetProperty("documentNumberMasked").GetBoolean());

        var admin = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var whole = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zhang.Id}");
        Assert.Equal(zhang.DocumentNumber, whole.GetProperty("documentNumber").GetString());
    }

    [Fact]
    public async Task ListPeople_ForNonAdmin_HoldsOwnUnitOnly_Masked()
    {
        var unitA = await app.JinghuaAsync();
        var client = await app.ApiClientAsync([Roles.Applicant], unitA);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/people?pageSize=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, p => Assert.Equal(unitA.Value, p.GetProperty("unitId").GetGuid()));
        Assert.All(items, p => Assert.Contains("****", p.GetProperty("documentNumber").GetString()));
        // A number cannot be confirmed through the search by anyone but the admin.
        var byNumber = await client.GetFromJsonAsync<JsonElement>("/api/v1/people?search=" + SeedRegistry.Rid("11010519750312123"));
        Assert.Equal(0, byNumber.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PostPerson_WithBadResidentId_Is400WithCodes()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var good = NewResidentId(new DateOnly(1980, 5, 6));
        var checkDigit = await client.PostAsJsonAsync("/api/v1/people", new
        {
            documentType = "ResidentIdCard", documentNumber = good[..^1] + (good[^1] == '1' ? '2' : '1'), name = "校验", birthDate = "1980-05-06",
        });
        Assert.Equal(HttpStatusCode.BadRequest, checkDigit.StatusCode);
        Assert.Equal(["REG-RID-CHECKDIGIT"], Codes(await checkDigit.Content.ReadFromJsonAsync<JsonElement>()));

        var mismatch = await client.PostAsJsonAsync("/api/v1/people", new
        {
            documentType = "ResidentIdCard", documentNumber = good, name = "生日", birthDate = "1980-05-07",
        });
        var problem = await mismatch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(["REG-RID-BIRTHDATE-MISMATCH"], Codes(problem));
        Assert.Equal("documentNumber", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostPerson_Valid_IsSaved_DuplicateDocumentIsRefused_StalePutIs409()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var unit = await app.DonghaiAsync();
        var number = NewResidentId(new DateOnly(1985, 1, 2));
        var body = new { documentType = "ResidentIdCard", documentNumber = number.ToLowerInvariant(), name = "接口人员", birthDate = "1985-01-02", title = "Senior", degree = "Doctorate", unitId = unit.Value };
        var created = await client.PostAsJsonAsync("/api/v1/people", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(number, person.GetProperty("documentNumber").GetString());
        Assert.Equal(unit.Value, person.GetProperty("unitId").GetGuid());

        var duplicate = await client.PostAsJsonAsync("/api/v1/people", body);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["REG-DOCUMENT-DUPLICATE"], Codes(await duplicate.Content.ReadFromJsonAsync<JsonElement>()));

        var id = person.GetProperty("id").GetGuid();
        var version = person.GetProperty("version").GetUInt32();
        var first = await client.PutAsJsonAsync($"/api/v1/people/{id}", new { body.documentType, body.documentNumber, name = "第一次", body.birthDate, body.title, body.degree, body.unitId, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutAsJsonAsync($"/api/v1/people/{id}", new { body.documentType, body.documentNumber, name = "第二次", body.birthDate, body.title, body.degree, body.unitId, version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var stored = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == new Domain.Common.PersonId(id)));
        Assert.Equal("第一次", stored.Name);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Person" && a.EntityId == id.ToString() && a.Action == "Added")));
    }

    [Fact]
    public async Task PostPerson_WithUnknownUnit_Is400UnitNotFound()
    {
        var client = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var response = await client.PostAsJsonAsync("/api/v1/people", new
        {
            documentType = "Passport", documentNumber = "P" + Random.Shared.Next(1_000_000, 9_999_999), name = "无单位", birthDate = "1970-01-01", unitId = Guid.NewGuid(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["REG-UNIT-NOT-FOUND"], Codes(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }
}
