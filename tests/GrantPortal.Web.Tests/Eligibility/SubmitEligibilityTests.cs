using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Eligibility;

// Issue 5, point 4: blocking findings refuse the submission with the full list; review findings
// let it through.
public sealed class SubmitEligibilityTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    // 王强 (born 1957-12-31) and 陈静 of the demo registry (SeedRegistry), by their identity documents.
    private const string OldPi = "31010419571231";
    private const string OtherPi = "11010819800101";

    private async Task<PersonId> PersonAsync(string documentPrefix) =>
        await app.WithDbAsync(db => db.People.Where(x => x.DocumentNumber.StartsWith(documentPrefix)).Select(x => x.Id).SingleAsync());

    [Fact]
    public async Task Submit_WithBlockingFindings_IsRefusedWithEveryRuleIdAndNothingChanges()
    {
        await app.OpenWindowWithAllRulesAsync();
        var oldPi = await PersonAsync(OldPi);
        var p = await app.CompleteAsync(o =>
        {
            o.Configure = d =>
            {
                d.PiPersonId = oldPi; d.PiMonthsPerYear = 3; d.Title = "年龄受限的负责人";
                d.Members.RemoveAll(m => m.Role == MemberRole.KeyMember); // not counted by other tests of this class
            };
        });
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["PI-AGE", "PI-TIME"], errors.Select(e => e.GetProperty("code").GetString()).Order());
        Assert.All(errors, e => Assert.DoesNotContain("[[", e.GetProperty("message").GetString()));
        var age = errors.Single(e => e.GetProperty("code").GetString() == "PI-AGE");
        Assert.Equal(("piPersonId", "1957-12-31"), (age.GetProperty("field").GetString(), age.GetProperty("args").GetProperty("born").GetString()));
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Submit_WithOnlyReviewFindings_GoesThrough()
    {
        // The filled demo draft carries a cooperation proof: FOREIGN-COOPERATION-PROOF is a review finding.
        var p = await app.SubmitAsLeadAsync(o => o.Configure = d => d.Title = "只有形式审查项");
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task SubmitPage_WithBlockingFindings_ListsThemInTheSummary()
    {
        await app.OpenWindowWithAllRulesAsync();
        var p = await app.CompleteAsync(o => o.Configure = d => { d.PiMonthsPerYear = 2; d.Title = "页面提交"; });
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.PostFormAsync($"/PreProposals/Submit/{p.Id}", new Dictionary<string, string>
        {
            ["RecommendingUnitId"] = (await app.RecommenderUnitAsync()).ToString(),
            ["UnitIntegrityConfirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("PI-TIME", SubmissionKit.DataCodes(html));
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task SecondApplicationOfTheSameProject_IsRefusedWithUnitOneRecommender()
    {
        var otherPi = await PersonAsync(OtherPi);
        await app.SubmitAsLeadAsync(o => o.Configure = d =>
        {
            d.Title = "重复申报的项目"; d.PiPersonId = otherPi;
            d.Members.RemoveAll(m => m.Role == MemberRole.KeyMember);
        });
        var p = await app.CompleteAsync(o => o.Configure = d => d.Title = "重复申报的 项目");
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UNIT-ONE-RECOMMENDER", await response.ErrorCodesAsync());
    }

    // UNIT-ONE-RECOMMENDER reads the indexed title key, not every title of the lead unit: rows saved
    // before the key existed get it from `migrate` (TitleKeys), by the rule's own normalization
    // (spaces dropped, letters upper-cased), and their twins are still found.
    [Fact]
    public async Task TitleKeyOfAnOlderRow_IsFilledByMigrate_AndItsTwinIsRefused()
    {
        var first = await app.CompleteAsync(o => o.Configure = d => d.Title = "Smart Grid 联合研究");
        await app.SetStateAsync(first.Id, ApplicationState.Submitted);
        try
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE pre_proposals SET \"TitleKey\" = NULL WHERE \"Id\" = {first.Id.Value}"));

            var filled = await app.WithDbAsync(db => TitleKeys.BackfillAsync(db, CancellationToken.None));

            Assert.True(filled >= 1);
            Assert.Equal("SMARTGRID联合研究", await app.WithDbAsync(db => db.PreProposals.Where(x => x.Id == first.Id)
                .Select(x => EF.Property<string?>(x, "TitleKey")).SingleAsync()));
            var twin = await app.CompleteAsync(o => o.Configure = d => d.Title = "smart grid联合 研究");
            var response = await (await app.UserApiAsync(DemoUsers.LeadUnitAdmin)).SubmitAsync(twin.Id, await app.RecommenderUnitAsync());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("UNIT-ONE-RECOMMENDER", await response.ErrorCodesAsync());
        }
        finally
        {
            // The default PI's application must not count against the other tests of this class.
            await app.SetStateAsync(first.Id, ApplicationState.Withdrawn);
        }
    }
}
