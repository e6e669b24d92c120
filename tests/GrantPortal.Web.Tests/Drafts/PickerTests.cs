using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Registries;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Drafts;

// The edit page's pickers: registry records by name or whole code, at most 20, masked documents;
// "not in the registry?" proposals saved unverified.
public sealed class PickerTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static async Task<JsonElement[]> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/PreProposals/Pickers?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private static async Task<HttpResponseMessage> ProposeAsync(HttpClient client, string handler, object body)
    {
        var draft = await client.GetAsync("/Applicant");
        var token = System.Text.RegularExpressions.Regex.Match(await draft.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/PreProposals/Pickers?handler=" + handler) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Units_ByNameOrWholeCode_AreFoundAcrossTheRegistry()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);

        var byName = await GetAsync(client, "handler=Units&q=" + Uri.EscapeDataString("东海"));
        var byCode = await GetAsync(client, "handler=Units&q=" + SeedRegistry.InstituteCode.ToLowerInvariant());
        var byForeignNumber = await GetAsync(client, "handler=Units&q=VR-4711&foreign=true");
        var partialCode = await GetAsync(client, "handler=Units&q=" + SeedRegistry.InstituteCode[..8]);
        var foreignOnly = await GetAsync(client, "handler=Units&q=" + Uri.EscapeDataString("大学") + "&foreign=true");

        Assert.Contains(byName, u => u.GetProperty("name").GetString() == "东海大学（示例）");
        Assert.Equal("中科先进材料研究所（示例）", Assert.Single(byCode).GetProperty("name").GetString());
        Assert.True(Assert.Single(byForeignNumber).GetProperty("isForeign").GetBoolean());
        Assert.Empty(partialCode);
        Assert.All(foreignOnly, u => Assert.True(u.GetProperty("isForeign").GetBoolean()));
        Assert.Contains(foreignOnly, u => u.GetProperty("name").GetString() == "德姆施塔特工业大学（示例）");
    }

    [Fact]
    public async Task Units_NeverIncludeRecommendingUnitsOrStateOrgans()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var hits = await GetAsync(client, "handler=Units&q=" + Uri.EscapeDataString("示例"));
        Assert.DoesNotContain(hits, u => u.GetProperty("name").GetString()!.Contains("科学技术委员会"));
        Assert.DoesNotContain(hits, u => u.GetProperty("name").GetString()!.Contains("人民政府"));
    }

    [Fact]
    public async Task People_ByNameOrWholeDocument_ShowUnitAndAMaskedDocument()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var rid = SeedRegistry.Rid("31010419571231345");

        var byName = await GetAsync(client, "handler=People&q=" + Uri.EscapeDataString("王强"));
        var byDocument = await GetAsync(client, "handler=People&q=" + rid);
        var partial = await GetAsync(client, "handler=People&q=" + rid[..10]);

        var wang = Assert.Single(byName);
        Assert.Equal(wang.GetProperty("id").GetGuid(), Assert.Single(byDocument).GetProperty("id").GetGuid());
        var detail = wang.GetProperty("detail").GetString()!;
        Assert.Contains("东海大学", detail);
        Assert.DoesNotContain(rid, detail);
        Assert.Contains(rid[..6] + "********" + rid[^4..], detail);
        Assert.Empty(partial);
    }

    [Fact]
    public async Task Search_IsLimitedTo20()
    {
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 25; i++)
                db.Units.Add(new GrantPortal.Domain.Registries.Unit { Name = $"批量测试大学{i:D2}", Kind = GrantPortal.Domain.Registries.UnitKind.University, SocialCreditCode = RegistryTestData.NewUscc() });
            await db.SaveChangesAsync();
        });
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        Assert.Equal(20, (await GetAsync(client, "handler=Units&q=" + Uri.EscapeDataString("批量测试大学"))).Length);
    }

    [Fact]
    public async Task ProposeUnit_CreatesItUnverified_AndAnswersItToPick()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var code = RegistryTestData.NewUscc();

        var response = await ProposeAsync(client, "ProposeUnit", new { name = "新登记研究院", kind = "ResearchInstitute", socialCreditCode = " " + code.ToLowerInvariant() + " " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var hit = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hit");
        Assert.False(hit.GetProperty("isVerified").GetBoolean());
        var unit = await app.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.SocialCreditCode == code));
        Assert.False(unit.IsVerified);
        Assert.Equal(unit.Id.Value, hit.GetProperty("id").GetGuid());

        // Proposed again: the record already there is answered, not entered twice.
        var again = await ProposeAsync(client, "ProposeUnit", new { name = "另一个名字", kind = "ResearchInstitute", socialCreditCode = code });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Units.CountAsync(u => u.SocialCreditCode == code)));
    }

    [Fact]
    public async Task ProposeUnit_Invalid_IsRefusedWithTheRegistryCodes()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var count = await app.WithDbAsync(db => db.Units.CountAsync());

        var badCode = await ProposeAsync(client, "ProposeUnit", new { name = "错码大学", kind = "University", socialCreditCode = RegistryTestData.WithWrongCheckDigit(RegistryTestData.NewUscc()) });
        var organ = await ProposeAsync(client, "ProposeUnit", new { name = "某机关", kind = "StateOrgan", socialCreditCode = RegistryTestData.NewUscc() });
        var foreign = await ProposeAsync(client, "ProposeUnit", new { name = "Foreign", kind = "ForeignUniversity", countryCode = "CN", foreignRegistrationNumber = "" });

        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("REG-USCC-CHECKDIGIT", await badCode.Content.ReadAsStringAsync());
        Assert.Contains("DRAFT-PROPOSE-KIND", await organ.Content.ReadAsStringAsync());
        var foreignErrors = await foreign.Content.ReadAsStringAsync();
        Assert.Contains("REG-COUNTRY-INVALID", foreignErrors);
        Assert.Contains("REG-FOREIGN-REGNO-REQUIRED", foreignErrors);
        Assert.Equal(count, await app.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task ProposePerson_CreatesThemUnverified_WithTheirUnit()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var unit = await app.DonghaiAsync();
        var rid = RegistryTestData.NewResidentId(new DateOnly(1985, 4, 5));

        var response = await ProposeAsync(client, "ProposePerson", new { name = "新成员", documentType = "ResidentIdCard", documentNumber = rid, birthDate = "1985-04-05", title = "Senior", degree = "Doctorate", unitId = unit.Value });
        var mismatch = await ProposeAsync(client, "ProposePerson", new { name = "错日期", documentType = "ResidentIdCard", documentNumber = RegistryTestData.NewResidentId(new DateOnly(1985, 4, 5)), birthDate = "1986-04-05" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var person = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.DocumentNumber == rid));
        Assert.False(person.IsVerified);
        Assert.Equal(unit, person.UnitId);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("REG-RID-BIRTHDATE-MISMATCH", await mismatch.Content.ReadAsStringAsync());
    }
}
