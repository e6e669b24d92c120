using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Eligibility;

// Issue 5, point 5: counting rules hold under races. 20 complete drafts with the same PI, each its
// own project, submitted at the same instant against the real PostgreSQL: exactly one succeeds and
// every other gets PI-ONE-APPLICATION (not a server error). Repeated: the winner is withdrawn, and
// the next round races again.
public sealed class SubmitRaceTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private const int Racers = 20;
    private const int Rounds = 3;

    [Fact]
    public async Task TwentyParallelSubmissionsOfTheSamePi_ExactlyOneWins_TheOthersGetPiOneApplication()
    {
        await app.OpenWindowWithAllRulesAsync();
        var recommender = await app.RecommenderUnitAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        for (var round = 1; round <= Rounds; round++)
        {
            var drafts = new List<PreProposal>();
            for (var i = 0; i < Racers; i++)
            {
                var title = $"并发第 {round} 轮第 {i} 个项目";
                drafts.Add(await app.CompleteAsync(o => o.Configure = d => d.Title = title));
            }

            using var start = new SemaphoreSlim(0);
            var tasks = drafts.Select(async d =>
            {
                await start.WaitAsync();
                return await lead.SubmitAsync(d.Id, recommender);
            }).ToList();
            start.Release(Racers);
            var responses = await Task.WhenAll(tasks);

            var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            Assert.Single(winners);
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                Assert.Equal(HttpStatusCode.BadRequest, loser.StatusCode);
                var body = await loser.Content.ReadFromJsonAsync<JsonElement>();
                var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
                Assert.Equal("PI-ONE-APPLICATION", error.GetProperty("code").GetString());
                Assert.DoesNotContain("[[", error.GetProperty("message").GetString());
            }
            var states = await Task.WhenAll(drafts.Select(d => app.ReloadAsync(d.Id)));
            var submitted = Assert.Single(states, s => s.State == ApplicationState.Submitted);

            // Next round: the winner withdraws, so the PI is free again.
            await app.SetStateAsync(submitted.Id, ApplicationState.Withdrawn);
        }
    }
}
