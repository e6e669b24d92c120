using System.Net;
using System.Net.Http.Json;
using System.Text;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Recommendations;

// The member lists of associations and alliances (RECOMMENDER-SCOPE): kept by the platform admin
// in the registry UI and the API, imported from CSV in UTF-8 or GB18030 with a per-line report.
public sealed class MembershipTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    static MembershipTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private Task<int> CountAsync(Domain.Common.UnitId list) =>
        app.WithDbAsync(db => db.UnitMemberships.CountAsync(m => m.RecommendingUnitId == list));

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Domain.Common.UnitId list, byte[] csv, string query = "")
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return await client.PostAsync($"/api/v1/units/{list}/members/import{query}", content);
    }

    [Fact]
    public async Task Page_AddsAndRemovesAMember_AndShowsFieldErrors()
    {
        var association = await app.UnitIdAsync(SeedRegistry.AssociationCode);
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var url = $"/Registries/Units/Members/{association}";

        var bad = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.SocialCreditCode"] = "", ["Input.From"] = "2020-01-02", ["Input.Until"] = "2020-01-01" });
        var html = await bad.HtmlAsync();
        Assert.Contains("id=\"SocialCreditCode-error\"", html);
        Assert.Contains("data-code=\"Membership.CodeRequired\"", html);
        Assert.Contains("data-code=\"Membership.DatesOrder\"", html);
        Assert.Contains("value=\"2020-01-02\"", html);

        var before = await CountAsync(association);
        var added = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.SocialCreditCode"] = SeedRegistry.EnterpriseCode.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(before + 1, await CountAsync(association));

        var duplicate = await client.PostFormAsync(url, new Dictionary<string, string> { ["Input.SocialCreditCode"] = SeedRegistry.EnterpriseCode });
        Assert.Contains("data-code=\"Membership.Duplicate\"", await duplicate.HtmlAsync());

        var enterprise = await app.UnitIdAsync(SeedRegistry.EnterpriseCode);
        var row = await app.WithDbAsync(db => db.UnitMemberships.AsNoTracking().SingleAsync(m => m.MemberUnitId == enterprise && m.RecommendingUnitId == association));
        var stale = await client.PostFormAsync($"{url}?handler=Remove", new Dictionary<string, string> { ["membershipId"] = row.Id.ToString(), ["version"] = (row.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }, url);
        Assert.EndsWith("status=conflict", stale.Headers.Location!.ToString());
        var removed = await client.PostFormAsync($"{url}?handler=Remove", new Dictionary<string, string> { ["membershipId"] = row.Id.ToString(), ["version"] = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url);
        Assert.EndsWith("status=removed", removed.Headers.Location!.ToString());
        Assert.Equal(before, await CountAsync(association));
    }

    [Fact]
    public async Task Api_RefusesAMemberListForAProvince_AndUnknownCodes()
    {
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var province = await app.RecommenderUnitAsync();
        var alliance = await app.UnitIdAsync(SeedRegistry.AllianceCode);

        var notAList = await admin.PostAsJsonAsync($"/api/v1/units/{province}/members", new { socialCreditCode = SeedRegistry.UniversityCode });
        Assert.Contains("Membership.NotAList", await notAList.ErrorCodesAsync());
        var unknown = await admin.PostAsJsonAsync($"/api/v1/units/{alliance}/members", new { socialCreditCode = SeedRegistry.Uscc("91110000MA0099999") });
        Assert.Equal(["Membership.UnitUnknown"], await unknown.ErrorCodesAsync());
        var recommender = await admin.PostAsJsonAsync($"/api/v1/units/{alliance}/members", new { socialCreditCode = SeedRegistry.ProvinceCode });
        Assert.Equal(["Membership.NotAMember"], await recommender.ErrorCodesAsync());
    }

    [Fact]
    public async Task Import_Gb18030_WithABadLine_ImportsNothing_UnlessGoodLinesOnly_ThenReimportChangesNothing()
    {
        var list = await app.AddUnitAsync(new Domain.Registries.Unit { Name = "某产业技术创新战略联盟（导入测试）", Kind = Domain.Registries.UnitKind.Alliance, SocialCreditCode = SeedRegistry.Uscc("51100000500088801") });
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var text = "单位名称,social_credit_code,from,until\r\n"
            + $"京华大学,{SeedRegistry.UniversityCode},2018-01-01,\r\n"
            + $"研究所,{SeedRegistry.InstituteCode},2018/1/1,2030-12-31\r\n"
            + "不存在的单位,91110000MA0099999X,,\r\n"
            + $"\"华创, 新能源\",{SeedRegistry.EnterpriseCode},2019-13-01,\r\n";
        var gb = Encoding.GetEncoding("GB18030").GetBytes(text);

        var refused = await ImportAsync(admin, list, gb);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var report = (await refused.JsonAsync()).GetProperty("report");
        Assert.Equal((false, "GB18030", 2), (report.GetProperty("imported").GetBoolean(), report.GetProperty("encoding").GetString(), report.GetProperty("refused").GetInt32()));
        Assert.Equal([4, 5], report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).Distinct());
        Assert.Equal(0, await CountAsync(list));

        var good = await ImportAsync(admin, list, gb, "?goodLinesOnly=true");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(2, (await good.JsonAsync()).GetProperty("created").GetInt32());
        Assert.Equal(2, await CountAsync(list));

        var again = await (await ImportAsync(admin, list, gb, "?goodLinesOnly=true")).JsonAsync();
        Assert.Equal((0, 0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task Import_Utf8WithBom_ThroughThePage_ShowsTheReport()
    {
        var list = await app.AddUnitAsync(new Domain.Registries.Unit { Name = "某学会（页面导入测试）", Kind = Domain.Registries.UnitKind.Association, SocialCreditCode = SeedRegistry.Uscc("51100000500088802") });
        var client = await app.SignedInAsync(DemoUsers.Admin);
        var url = $"/Registries/Units/Members/{list}";
        var html = await (await client.GetAsync(url)).HtmlAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var csv = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes($"social_credit_code,from,until\n{SeedRegistry.SecondUniversityCode},,\n")).ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Auto"), "Encoding" },
            { new ByteArrayContent(csv), "Upload", "members.csv" },
        };

        var response = await client.PostAsync($"{url}?handler=Import", form);

        var page = await response.HtmlAsync();
        Assert.Contains("id=\"import-report\" data-imported=\"true\"", page);
        Assert.Contains($"data-member=\"{SeedRegistry.SecondUniversityCode}\"", page);
        Assert.Contains("(UTF-8)", page);
        Assert.DoesNotContain("[[", page);
    }
}
