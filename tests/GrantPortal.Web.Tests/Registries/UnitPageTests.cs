using System.Net;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GrantPortal.Web.Tests.Registries.RegistryTestData;

namespace GrantPortal.Web.Tests.Registries;

public sealed class UnitPageTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Details_OfAnotherUnit_Is404ForApplicant_AndOwnUnitIs200()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var other = await client.GetAsync($"/Registries/Units/Details/{await app.DonghaiAsync()}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var own = await client.GetAsync($"/Registries/Units/Details/{await app.JinghuaAsync()}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(SeedRegistry.UniversityCode, await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Details_OfAnotherUnit_Is404ForTheOtherApplicantToo()
    {
        var client = await app.SignedInAsync(DemoUsers.OtherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registries/Units/Details/{await app.JinghuaAsync()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Registries/Units/Details/{await app.DonghaiAsync()}")).StatusCode);
    }

    [Fact]
    public async Task List_ForNonAdmin_HoldsOnlyOwnUnit()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var html = await (await client.GetAsync("/Registries/Units")).Content.ReadAsStringAsync();
        Assert.Equal([(await app.JinghuaAsync()).ToString()], RowIds(html, "data-unit-id"));
        var search = await (await client.GetAsync("/Registries/Units?search=" + Uri.EscapeDataString("东海"))).Content.ReadAsStringAsync();
        Assert.Empty(RowIds(search, "data-unit-id"));
    }

    [Fact]
    public async Task List_ForAdmin_HoldsEveryUnit()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await client.GetAsync("/Registries/Units")).Content.ReadAsStringAsync();
        var ids = RowIds(html, "data-unit-id");
        Assert.Contains((await app.JinghuaAsync()).ToString(), ids);
        Assert.Contains((await app.DonghaiAsync()).ToString(), ids);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Create_WithWrongCheckDigit_ShowsCheckDigitBesideField_KeepsInput_SavesNothing()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var before = await app.WithDbAsync(db => db.Units.CountAsync());
        var wrong = WithWrongCheckDigit(NewUscc());
        var response = await client.PostFormAsync("/Registries/Units/Edit", UnitForm("校验码错误单位", wrong));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["REG-USCC-CHECKDIGIT"], FieldErrorCodes(html, "SocialCreditCode"));
        Assert.Contains("REG-USCC-CHECKDIGIT", SummaryCodes(html));
        Assert.Contains("href=\"#Input_SocialCreditCode\"", html);
        Assert.Equal(wrong, InputValue(html, "Input.SocialCreditCode"));
        Assert.Equal("校验码错误单位", InputValue(html, "Input.Name"));
        Assert.Equal("教育部", InputValue(html, "Input.SupervisingMinistry"));
        Assert.DoesNotContain("[[", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task Create_WithSeveralErrors_ShowsEveryErrorBesideItsField()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var form = UnitForm(" ", "", kind: "ForeignUniversity");
        form["Input.SocialCreditCode"] = "";
        form["Input.RegistrationDate"] = "2030-01-01";
        var html = await (await client.PostFormAsync("/Registries/Units/Edit", form)).Content.ReadAsStringAsync();
        Assert.Equal(["REG-NAME-REQUIRED"], FieldErrorCodes(html, "Name"));
        Assert.Equal(["REG-COUNTRY-INVALID"], FieldErrorCodes(html, "CountryCode"));
        Assert.Equal(["REG-FOREIGN-REGNO-REQUIRED"], FieldErrorCodes(html, "ForeignRegistrationNumber"));
        Assert.Equal(["REG-DATE-FUTURE"], FieldErrorCodes(html, "RegistrationDate"));
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Create_Valid_IsSavedNormalized_AndAudited()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var code = NewUscc();
        var response = await client.PostFormAsync("/Registries/Units/Edit", UnitForm("  新建测试大学  ", "  " + code.ToLowerInvariant() + " "));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Registries/Units/Details/", response.Headers.Location!.OriginalString);
        var unit = await app.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.SocialCreditCode == code));
        Assert.Equal("新建测试大学", unit.Name);
        Assert.Equal(UnitKind.University, unit.Kind);
        Assert.Equal(new DateOnly(2001, 2, 3), unit.RegistrationDate);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Unit" && a.EntityId == unit.Id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("Added", entry.Action);
        Assert.Equal(DemoUsers.Admin, entry.UserName);
        var details = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("data-status=\"saved\"", await details.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_WithTakenCode_ShowsUsccDuplicate()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var before = await app.WithDbAsync(db => db.Units.CountAsync());
        var html = await (await client.PostFormAsync("/Registries/Units/Edit", UnitForm("重复单位", SeedRegistry.UniversityCode.ToLowerInvariant()))).Content.ReadAsStringAsync();
        Assert.Equal(["REG-USCC-DUPLICATE"], FieldErrorCodes(html, "SocialCreditCode"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task Create_ForeignWithTakenRegistration_ShowsForeignDuplicate()
    {
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var form = UnitForm("重复境外单位", "", kind: "ForeignUniversity");
        form["Input.CountryCode"] = "de";
        form["Input.ForeignRegistrationNumber"] = " vr-4711 ";
        var html = await (await client.PostFormAsync("/Registries/Units/Edit", form)).Content.ReadAsStringAsync();
        Assert.Equal(["REG-FOREIGN-DUPLICATE"], FieldErrorCodes(html, "ForeignRegistrationNumber"));
    }

    [Fact]
    public async Task Edit_TwoSavesFromSameVersion_SecondGetsConflict_FirstChangeSurvives()
    {
        var unit = await app.AddUnitAsync();
        var version = unit.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = await app.SignedInAsync(DemoUsers.Admin);
        var second = await app.SignedInAsync(DemoUsers.Admin);
        var url = $"/Registries/Units/Edit/{unit.Id}";

        var saved = await first.PostFormAsync(url, UnitForm("第一次修改", unit.SocialCreditCode!, version: version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.PostFormAsync(url, UnitForm("第二次修改", unit.SocialCreditCode!, version: version));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"conflict\"", html);
        Assert.Contains("REG-CONFLICT", SummaryCodes(html));
        Assert.Contains("data-stored=\"第一次修改\"", WebUtility.HtmlDecode(html));
        Assert.Equal("第二次修改", InputValue(html, "Input.Name"));
        var stored = await app.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        Assert.Equal("第一次修改", stored.Name);
        // The form now carries the stored version: saving again is a deliberate overwrite.
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), InputValue(html, "Input.Version"));
    }

    [Fact]
    public async Task Edit_Get_ShowsStoredValues()
    {
        var unit = await app.AddUnitAsync();
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await client.GetAsync($"/Registries/Units/Edit/{unit.Id}?culture=en")).Content.ReadAsStringAsync();
        Assert.Equal(unit.Name, InputValue(html, "Input.Name"));
        Assert.Equal(unit.SocialCreditCode, InputValue(html, "Input.SocialCreditCode"));
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Verify_ProposedUnit_IsMarkedVerified()
    {
        var unit = await app.AddUnitAsync(u => u.IsVerified = false);
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var details = await (await client.GetAsync($"/Registries/Units/Details/{unit.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"verify-unit\"", details);
        var response = await client.PostFormAsync($"/Registries/Units/Edit/{unit.Id}?handler=Verify",
            new Dictionary<string, string> { ["version"] = unit.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            formUrl: $"/Registries/Units/Details/{unit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("status=verified", response.Headers.Location!.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.IsVerified).SingleAsync()));
    }

    [Fact]
    public async Task List_SearchFiltersAndPaging_Work()
    {
        var prefix = "分页" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 23; i++) await app.AddUnitAsync(u => u.Name = $"{prefix}-{i:D2}");
        await app.AddUnitAsync(u => { u.Name = prefix + "-企业"; u.Kind = UnitKind.Enterprise; u.IsVerified = false; });
        var client = await app.SignedInAsync(DemoUsers.Admin);

        var page1 = await (await client.GetAsync($"/Registries/Units?search={Uri.EscapeDataString(prefix)}")).Content.ReadAsStringAsync();
        Assert.Equal(20, RowIds(page1, "data-unit-id").Count);
        Assert.Contains("data-total=\"24\"", page1);
        Assert.Contains("p=2", page1);
        var page2 = await (await client.GetAsync($"/Registries/Units?search={Uri.EscapeDataString(prefix)}&p=2")).Content.ReadAsStringAsync();
        Assert.Equal(4, RowIds(page2, "data-unit-id").Count);
        Assert.Empty(RowIds(page1, "data-unit-id").Intersect(RowIds(page2, "data-unit-id")));

        var enterprises = await (await client.GetAsync($"/Registries/Units?search={Uri.EscapeDataString(prefix)}&kind=Enterprise")).Content.ReadAsStringAsync();
        Assert.Single(RowIds(enterprises, "data-unit-id"));
        var unverified = await (await client.GetAsync($"/Registries/Units?search={Uri.EscapeDataString(prefix)}&verified=false")).Content.ReadAsStringAsync();
        Assert.Single(RowIds(unverified, "data-unit-id"));
        var byCode = await (await client.GetAsync($"/Registries/Units?search={SeedRegistry.SecondUniversityCode.ToLowerInvariant()}")).Content.ReadAsStringAsync();
        Assert.Equal([(await app.DonghaiAsync()).ToString()], RowIds(byCode, "data-unit-id"));
        var foreign = await (await client.GetAsync("/Registries/Units?foreign=true&search=vr-47")).Content.ReadAsStringAsync();
        Assert.Single(RowIds(foreign, "data-unit-id"));
        var domesticOnly = await (await client.GetAsync("/Registries/Units?foreign=false&search=vr-47")).Content.ReadAsStringAsync();
        Assert.Empty(RowIds(domesticOnly, "data-unit-id"));
    }
}
