using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Recommendations;

// RECOMMENDER-SCOPE for each of the four kinds of recommending unit the guide names, end to end:
// the submit form's choices (page and API) hold only the units whose scope contains the lead unit
// (京华大学, 北京, supervised by 教育部, member of the demo association), and a crafted submission
// to any other is refused with the rule's code.
public sealed class ScopeTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private async Task<(IReadOnlyList<Guid> Api, string Page, Domain.Applications.PreProposal Proposal)> ChoicesAsync()
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var response = await lead.GetAsync($"/api/v1/pre-proposals/{p.Id}/recommending-units");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        var page = await (await app.SignedInAsync(DemoUsers.LeadUnitAdmin)).GetAsync($"/PreProposals/Submit/{p.Id}");
        return (ids, await page.HtmlAsync(), p);
    }

    private async Task<IReadOnlyList<string>> SubmitToAsync(Domain.Applications.PreProposal p, UnitId unit)
    {
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var response = await lead.SubmitAsync(p.Id, unit);
        return response.StatusCode == HttpStatusCode.OK ? [] : await response.ErrorCodesAsync();
    }

    [Fact]
    public async Task MinistryDepartment_RecommendsTheUnitsItSupervises()
    {
        var moe = await app.UnitIdAsync(SeedRegistry.MinistryCode);
        var cas = await app.AddUnitAsync(new Unit { Name = "中国科学院科技促进发展局（测试）", Kind = UnitKind.MinistryStDepartment, SocialCreditCode = SeedRegistry.Uscc("11100000000077701"), SupervisingMinistry = "中国科学院", IsStateOrgan = true });

        var (api, page, p) = await ChoicesAsync();

        Assert.Contains(moe.Value, api);
        Assert.DoesNotContain(cas.Value, api);
        Assert.Contains($"value=\"{moe.Value}\"", page);
        Assert.DoesNotContain($"value=\"{cas.Value}\"", page);
        Assert.Contains("RECOMMENDER-SCOPE", await SubmitToAsync(p, cas));
        Assert.Empty(await SubmitToAsync(p, moe));
    }

    [Fact]
    public async Task ProvincialDepartment_RecommendsTheUnitsOfItsProvince()
    {
        var beijing = await app.RecommenderUnitAsync();
        var shanghai = await app.AddUnitAsync(new Unit { Name = "上海市科学技术委员会（测试）", Kind = UnitKind.ProvincialStDepartment, SocialCreditCode = SeedRegistry.Uscc("11310000000077702"), Province = "上海", IsStateOrgan = true });

        var (api, page, p) = await ChoicesAsync();

        Assert.Contains(beijing.Value, api);
        Assert.DoesNotContain(shanghai.Value, api);
        Assert.DoesNotContain($"value=\"{shanghai.Value}\"", page);
        Assert.Contains("RECOMMENDER-SCOPE", await SubmitToAsync(p, shanghai));
        Assert.Empty(await SubmitToAsync(p, beijing));
    }

    [Fact]
    public async Task XinjiangProductionAndConstructionCorps_RecommendsItsOwnUnits_NotTheAutonomousRegions()
    {
        const string corps = "新疆生产建设兵团";
        var corpsDept = await app.AddUnitAsync(new Unit { Name = "新疆生产建设兵团科学技术局（测试）", Kind = UnitKind.ProvincialStDepartment, SocialCreditCode = SeedRegistry.Uscc("11660000000077703"), Province = corps, IsStateOrgan = true });
        var region = await app.AddUnitAsync(new Unit { Name = "新疆维吾尔自治区科学技术厅（测试）", Kind = UnitKind.ProvincialStDepartment, SocialCreditCode = SeedRegistry.Uscc("11650000000077704"), Province = "新疆", IsStateOrgan = true });
        var lead = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        await SetProvinceAsync(lead, corps);
        try
        {
            var (api, _, p) = await ChoicesAsync();

            Assert.Contains(corpsDept.Value, api);
            Assert.DoesNotContain(region.Value, api);
            Assert.DoesNotContain((await app.RecommenderUnitAsync()).Value, api);
            Assert.Contains("RECOMMENDER-SCOPE", await SubmitToAsync(p, region));
            Assert.Empty(await SubmitToAsync(p, corpsDept));
        }
        finally
        {
            await SetProvinceAsync(lead, "北京");
        }
    }

    [Fact]
    public async Task Association_RecommendsItsMembersOnly_WhileTheMembershipRuns()
    {
        var association = await app.UnitIdAsync(SeedRegistry.AssociationCode);
        var other = await app.AddUnitAsync(new Unit { Name = "中国某行业协会（测试）", Kind = UnitKind.Association, SocialCreditCode = SeedRegistry.Uscc("51100000500077705") });
        var lead = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        var today = BeijingTime.Today(app.Clock.GetUtcNow());
        // A membership that ended yesterday does not count; the seeded one of the demo association does.
        await app.AddMembershipAsync(other, lead, today.AddYears(-2), today.AddDays(-1));

        var (api, page, p) = await ChoicesAsync();

        Assert.Contains(association.Value, api);
        Assert.DoesNotContain(other.Value, api);
        Assert.Contains($"value=\"{association.Value}\"", page);
        Assert.Contains("RECOMMENDER-SCOPE-MEMBER", await SubmitToAsync(p, other));
        Assert.Empty(await SubmitToAsync(p, association));
    }

    [Fact]
    public async Task Alliance_RecommendsItsMembers_AMemberAddedThroughTheApiIsOffered()
    {
        var alliance = await app.UnitIdAsync(SeedRegistry.AllianceCode);
        var (before, _, p) = await ChoicesAsync();
        Assert.DoesNotContain(alliance.Value, before);
        Assert.Contains("RECOMMENDER-SCOPE-MEMBER", await SubmitToAsync(p, alliance));

        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var added = await admin.PostAsJsonAsync($"/api/v1/units/{alliance}/members", new { socialCreditCode = SeedRegistry.UniversityCode, from = "2018-01-01" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var after = (await (await lead.GetAsync($"/api/v1/pre-proposals/{p.Id}/recommending-units")).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(alliance.Value, after);
        Assert.Empty(await SubmitToAsync(p, alliance));
    }

    [Fact]
    public async Task CraftedPagePost_ForAUnitOutOfScope_ShowsRecommenderScopeBesideTheField()
    {
        var shanghai = await app.AddUnitAsync(new Unit { Name = "上海市科委（测试二）", Kind = UnitKind.ProvincialStDepartment, SocialCreditCode = SeedRegistry.Uscc("11310000000077706"), Province = "上海", IsStateOrgan = true });
        var (_, _, p) = await ChoicesAsync();
        var client = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var response = await client.PostFormAsync($"/PreProposals/Submit/{p.Id}", new Dictionary<string, string>
        {
            ["RecommendingUnitId"] = shanghai.ToString(), ["UnitIntegrityConfirmed"] = "true", ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("id=\"RecommendingUnitId-error\" data-code=\"RECOMMENDER-SCOPE\"", html);
        Assert.Equal(Domain.Applications.ApplicationState.Complete, (await app.ReloadAsync(p.Id)).State);
    }

    private Task SetProvinceAsync(UnitId unit, string province) =>
        app.WithDbAsync(async db =>
        {
            var u = await db.Units.SingleAsync(x => x.Id == unit);
            u.Province = province;
            await db.SaveChangesAsync();
        });
}
