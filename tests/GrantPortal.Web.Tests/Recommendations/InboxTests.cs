using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Recommendations;

// The officer's inbox (issue 6, point 2): only what is addressed to the officer's unit, once
// submitted; filters and counts; an officer of another unit learns nothing of an application.
public sealed class InboxTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>, IAsyncLifetime
{
    private PreProposal _submitted = null!;
    private PreProposal _endorsed = null!;
    private PreProposal _toMinistry = null!;
    private PreProposal _complete = null!;
    private PreProposal _otherDirection = null!;

    // xUnit makes an instance per test; the data is made once per app (class fixture).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GrantPortalFactory, Task<PreProposal[]>> Data = [];

    public async Task InitializeAsync()
    {
        var data = await Data.GetValue(app, _ => CreateAsync());
        (_submitted, _endorsed, _otherDirection, _complete, _toMinistry) = (data[0], data[1], data[2], data[3], data[4]);
    }

    private async Task<PreProposal[]> CreateAsync()
    {
        await app.EnsureOfficersAsync();
        (_submitted, _) = await app.SubmittedAsync();
        (_endorsed, _) = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await app.UserApiAsync(DemoUsers.Recommender)).DecideAsync(app, _endorsed.Id, "Endorse")).StatusCode);
        var call = await app.DemoCallAsync();
        var second = call.Directions.OrderBy(d => d.SortOrder).Skip(1).First();
        (_otherDirection, _) = await app.SubmittedAsync(o => o.Configure = p =>
        {
            p.DirectionId = second.Id;
            p.IndicatorAnswers = [.. second.Indicators.Select((_, i) => new IndicatorAnswer { IndicatorIndex = i, Answer = "方案" })];
        });
        _complete = await app.CompleteAsync();
        var p = await app.CompleteAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        Assert.Equal(HttpStatusCode.OK, (await lead.SubmitAsync(p.Id, await app.UnitIdAsync(SeedRegistry.MinistryCode))).StatusCode);
        _toMinistry = p;
        return [_submitted, _endorsed, _otherDirection, _complete, _toMinistry];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<Guid>> InboxIdsAsync(string email, string query = "")
    {
        var client = await app.UserApiAsync(email);
        var response = await client.GetAsync("/api/v1/recommendations/inbox" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
    }

    [Fact]
    public async Task Inbox_HoldsOnlyWhatIsAddressedToTheUnit_OnceSubmitted()
    {
        var province = await InboxIdsAsync(DemoUsers.Recommender);
        var ministry = await InboxIdsAsync(RecommendationKit.MinistryOfficer);

        Assert.Equal(new[] { _submitted.Id.Value, _endorsed.Id.Value, _otherDirection.Id.Value }.Order(), province.Order());
        Assert.Equal([_toMinistry.Id.Value], ministry);
        Assert.DoesNotContain(_complete.Id.Value, province.Concat(ministry));
    }

    [Fact]
    public async Task Inbox_Filters_ByStateDirectionLeadUnitAndFindings_WithCountsPerState()
    {
        var client = await app.UserApiAsync(DemoUsers.Recommender);
        var all = await (await client.GetAsync("/api/v1/recommendations/inbox")).JsonAsync();
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("counts").GetProperty("Submitted").GetInt32());
        Assert.Equal(1, all.GetProperty("counts").GetProperty("Endorsed").GetInt32());
        Assert.Equal(1, all.GetProperty("endorsedNotSent").GetInt32());

        Assert.Equal([_endorsed.Id.Value], await InboxIdsAsync(DemoUsers.Recommender, "?state=Endorsed"));
        Assert.Equal([_otherDirection.Id.Value], await InboxIdsAsync(DemoUsers.Recommender, $"?directionId={_otherDirection.DirectionId}"));
        Assert.Equal(3, (await InboxIdsAsync(DemoUsers.Recommender, $"?leadUnitId={_submitted.LeadUnitId}")).Count);
        Assert.Empty(await InboxIdsAsync(DemoUsers.Recommender, $"?leadUnitId={await app.UnitIdAsync(SeedRegistry.SecondUniversityCode)}"));

        // The demo drafts hold a cooperation proof: FOREIGN-COOPERATION-PROOF is a review finding of each.
        var withReview = await InboxIdsAsync(DemoUsers.Recommender, "?findings=Review");
        var without = await InboxIdsAsync(DemoUsers.Recommender, "?findings=None");
        Assert.Equal(3, withReview.Count + without.Count);
        Assert.Empty(withReview.Intersect(without));
    }

    [Fact]
    public async Task InboxPage_ShowsRowsCountsAndFilters()
    {
        var client = await app.SignedInAsync(DemoUsers.Recommender);
        var html = await (await client.GetAsync("/Recommender/Inbox?State=Submitted")).HtmlAsync();

        Assert.Contains($"data-id=\"{_submitted.Id}\"", html);
        Assert.DoesNotContain($"data-id=\"{_endorsed.Id}\"", html);
        Assert.DoesNotContain($"data-id=\"{_toMinistry.Id}\"", html);
        Assert.Contains("data-state=\"Endorsed\" data-count=\"1\"", html);
        Assert.Contains("<label class=\"form-label\" for=\"Findings\">", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task ReviewPage_ShowsTheWholeProposal_FindingsWithEvidence_AndHistory()
    {
        var client = await app.SignedInAsync(DemoUsers.Recommender);
        var html = await (await client.GetAsync($"/Recommender/Review/{_submitted.Id}")).HtmlAsync();

        Assert.Contains("id=\"text-Objectives\"", html);
        Assert.Contains("id=\"attachments\"", html);
        Assert.Contains("id=\"eligibility\"", html);
        Assert.Contains("id=\"history\"", html);
        Assert.Contains("id=\"decide-form\"", html);
        Assert.DoesNotContain("[[", html);
    }

    // Every page and endpoint of an application not addressed to the officer's unit answers 404.
    [Fact]
    public async Task OfficerOfAnotherUnit_GetsNotFound_ForEveryPageEndpointAndDocument()
    {
        var id = _submitted.Id;
        var attachment = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Where(db.Attachments, a => a.ProposalId == id)));
        var browser = await app.SignedInAsync(RecommendationKit.MinistryOfficer);
        foreach (var url in new[]
        {
            $"/Recommender/Review/{id}", $"/PreProposals/View/{id}", $"/PreProposals/Receipt/{id}", $"/PreProposals/Attachments/{id}",
            $"/PreProposals/Attachments/{id}?handler=Download&attachmentId={attachment.Id}",
        })
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        var api = await app.UserApiAsync(RecommendationKit.MinistryOfficer);
        foreach (var url in new[]
        {
            $"/api/v1/recommendations/applications/{id}", $"/api/v1/pre-proposals/{id}/history", $"/api/v1/pre-proposals/{id}/receipt",
            $"/api/v1/pre-proposals/{id}/attachments", $"/api/v1/pre-proposals/{id}/attachments/{attachment.Id}", $"/api/v1/applications/{id}/eligibility", $"/api/v1/pre-proposals/{id}/pdf",
        })
        {
            var response = await api.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        var decide = await api.DecideAsync(app, id, "Endorse");
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        // The addressed unit's officer reads the same application.
        var own = await app.UserApiAsync(DemoUsers.Recommender);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/v1/recommendations/applications/{id}")).StatusCode);
    }
}
