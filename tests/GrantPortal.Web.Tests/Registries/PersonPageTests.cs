using System.Net;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GrantPortal.Web.Tests.Registries.RegistryTestData;

namespace GrantPortal.Web.Tests.Registries;

public sealed class PersonPageTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly string Zhang = SeedRegistry.Rid("11010519750312123");
    private static readonly string Li = SeedRegistry.Rid("11010819820708234");
    private static readonly string Wang = SeedRegistry.Rid("31010419571231345");

    [Fact]
    public async Task List_ForApplicant_HoldsOwnUnitPeopleOnly_WithMaskedNumbers()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var html = await (await client.GetAsync("/Registries/People")).Content.ReadAsStringAsync();
        var ids = RowIds(html, "data-person-id");
        Assert.Contains((await app.PersonAsync(Zhang)).Id.ToString(), ids);
        Assert.Contains((await app.PersonAsync(Li)).Id.ToString(), ids);
        Assert.DoesNotContain((await app.PersonAsync(Wang)).Id.ToString(), ids);
        Assert.Contains("110105********" + Zhang[^4..], html);
        Assert.DoesNotContain(Zhang, html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task List_ForAdmin_ShowsWholeNumbers()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await client.GetAsync("/Registries/People?search=" + Zhang)).Content.ReadAsStringAsync();
        Assert.Equal([(await app.PersonAsync(Zhang)).Id.ToString()], RowIds(html, "data-person-id"));
        Assert.Contains(Zhang, html);
    }

    [Fact]
    public async Task Details_OfAnotherUnitsPerson_Is404_OwnIsMasked()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registries/People/Details/{(await app.PersonAsync(Wang)).Id}")).StatusCode);
        var own = await client.GetAsync($"/Registries/People/Details/{(await app.PersonAsync(Li)).Id}");
        var html = await own.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("data-masked=\"true\"", html);
        Assert.DoesNotContain(Li, html);
    }

    [Fact]
    public async Task Create_ResidentIdWithWrongCheckDigit_ShowsCheckDigitBesideNumber_KeepsInput()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var good = NewResidentId(new DateOnly(1979, 3, 4));
        var wrong = good[..^1] + (good[^1] == '0' ? '1' : '0');
        var before = await app.WithDbAsync(db => db.People.CountAsync());
        var response = await client.PostFormAsync("/Registries/People/Edit", PersonForm("ResidentIdCard", wrong, "校验码", "1979-03-04", await app.JinghuaAsync()));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["REG-RID-CHECKDIGIT"], FieldErrorCodes(html, "DocumentNumber"));
        Assert.Equal(wrong, InputValue(html, "Input.DocumentNumber"));
        Assert.Equal("校验码", InputValue(html, "Input.Name"));
        Assert.Contains($"value=\"{await app.JinghuaAsync()}\" checked", html);
        Assert.DoesNotContain("[[", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Create_ResidentIdBirthDateMismatch_IsRefused()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var number = NewResidentId(new DateOnly(1979, 3, 4));
        var html = await (await client.PostFormAsync("/Registries/People/Edit", PersonForm("ResidentIdCard", number, "生日不符", "1979-03-05", null))).Content.ReadAsStringAsync();
        Assert.Equal(["REG-RID-BIRTHDATE-MISMATCH"], FieldErrorCodes(html, "DocumentNumber"));
        Assert.DoesNotContain("[[", html);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.DocumentNumber == number)));
    }

    [Fact]
    public async Task Create_WithoutBirthDateOrType_SaysWhatIsMissing()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await client.PostFormAsync("/Registries/People/Edit", PersonForm("", "", "", "", null))).Content.ReadAsStringAsync();
        Assert.Equal(["REG-DOCTYPE-REQUIRED"], FieldErrorCodes(html, "DocumentType"));
        Assert.Equal(["REG-DOCNO-REQUIRED"], FieldErrorCodes(html, "DocumentNumber"));
        Assert.Equal(["REG-NAME-REQUIRED"], FieldErrorCodes(html, "Name"));
        Assert.Equal(["REG-BIRTHDATE-REQUIRED"], FieldErrorCodes(html, "BirthDate"));
    }

    [Fact]
    public async Task Create_WithUnitPickedFromSearch_IsSavedAndAudited()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var number = NewResidentId(new DateOnly(1990, 12, 31));
        var form = PersonForm("ResidentIdCard", number, "新人员", "1990-12-31", null);
        form["UnitSearch"] = "东海";
        var search = await client.PostFormAsync("/Registries/People/Edit?handler=FindUnits", form, formUrl: "/Registries/People/Edit");
        var html = await search.Content.ReadAsStringAsync();
        var donghai = await app.DonghaiAsync();
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains($"name=\"Input.UnitId\" id=\"unit-{donghai}\" value=\"{donghai}\"", html);
        Assert.Equal(number, InputValue(html, "Input.DocumentNumber"));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.DocumentNumber == number)));

        form["Input.UnitId"] = donghai.ToString();
        var saved = await client.PostFormAsync("/Registries/People/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var person = await app.PersonAsync(number);
        Assert.Equal(donghai, person.UnitId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Person" && a.EntityId == person.Id.ToString())));
    }

    [Fact]
    public async Task Create_WithTakenDocument_ShowsDocumentDuplicate()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await client.PostFormAsync("/Registries/People/Edit", PersonForm("ResidentIdCard", Zhang.ToLowerInvariant(), "重复", "1975-03-12", null))).Content.ReadAsStringAsync();
        Assert.Equal(["REG-DOCUMENT-DUPLICATE"], FieldErrorCodes(html, "DocumentNumber"));
    }

    [Fact]
    public async Task Edit_TwoSavesFromSameVersion_SecondGetsConflict_FirstChangeSurvives()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var number = NewResidentId(new DateOnly(1988, 8, 8));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Registries/People/Edit", PersonForm("ResidentIdCard", number, "原名", "1988-08-08", null))).StatusCode);
        var person = await app.PersonAsync(number);
        var url = $"/Registries/People/Edit/{person.Id}";
        var version = person.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, PersonForm("ResidentIdCard", number, "甲", "1988-08-08", null, version))).StatusCode);
        var refused = await client.PostFormAsync(url, PersonForm("ResidentIdCard", number, "乙", "1988-08-08", null, version));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict\"", html);
        Assert.Contains("data-stored=\"甲\"", WebUtility.HtmlDecode(html));
        Assert.Equal("乙", InputValue(html, "Input.Name"));
        Assert.Equal("甲", (await app.PersonAsync(number)).Name);
    }
}
