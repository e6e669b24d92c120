using System.Net;
using System.Net.Http.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Recommendations;

// The role matrix of every page and endpoint of the recommending units and of the member lists:
// the allowed role succeeds, every other demo role is refused (pages: AccessDenied; API: 403),
// anonymous is sent to sign in (pages) or gets 401 (API).
public sealed class RoleMatrixTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly string[] Everyone =
        [DemoUsers.Admin, DemoUsers.Applicant, DemoUsers.OtherApplicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert];

    private async Task AssertPageAsync(string url, string allowed)
    {
        foreach (var email in Everyone)
        {
            var response = await (await app.SignedInAsync(email)).GetAsync(url);
            if (email == allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {email}: {(int)response.StatusCode}");
                Assert.DoesNotContain("[[", await response.HtmlAsync());
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} {email}: {(int)response.StatusCode}");
                Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
            }
        }
        var anonymous = await app.CreateBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Accounts/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Pages_RecommenderOnly_MemberListsPlatformAdminOnly()
    {
        var (p, _) = await app.SubmittedAsync();
        await AssertPageAsync("/Recommender/Inbox", DemoUsers.Recommender);
        await AssertPageAsync($"/Recommender/Review/{p.Id}", DemoUsers.Recommender);
        await AssertPageAsync("/Recommender/Batch", DemoUsers.Recommender);
        await AssertPageAsync($"/Registries/Units/Members/{await app.UnitIdAsync(SeedRegistry.AssociationCode)}", DemoUsers.Admin);
    }

    [Fact]
    public async Task Endpoints_RoleMatrix()
    {
        var (p, _) = await app.SubmittedAsync();
        var association = await app.UnitIdAsync(SeedRegistry.AssociationCode);
        var call = await app.DemoCallAsync();
        var complete = await app.CompleteAsync();
        // Writes are sent so that the allowed role is refused by the handler (nothing changes).
        var cases = new (string Name, string Allowed, HttpStatusCode Expected, Func<HttpClient, Task<HttpResponseMessage>> Send)[]
        {
            ("inbox", DemoUsers.Recommender, HttpStatusCode.OK, c => c.GetAsync("/api/v1/recommendations/inbox")),
            ("application", DemoUsers.Recommender, HttpStatusCode.OK, c => c.GetAsync($"/api/v1/recommendations/applications/{p.Id}")),
            ("decision", DemoUsers.Recommender, HttpStatusCode.BadRequest, c => c.PostAsJsonAsync($"/api/v1/recommendations/applications/{p.Id}/decision", new { decision = "Return", reason = "", version = 0 })),
            ("decisions", DemoUsers.Recommender, HttpStatusCode.BadRequest, c => c.PostAsJsonAsync("/api/v1/recommendations/decisions", new { decision = "Endorse", items = Array.Empty<object>() })),
            ("batches", DemoUsers.Recommender, HttpStatusCode.OK, c => c.GetAsync($"/api/v1/recommendations/batches?callId={call.Id}")),
            ("send", DemoUsers.Recommender, HttpStatusCode.BadRequest, c => c.PostAsJsonAsync("/api/v1/recommendations/batches", new { callId = call.Id.Value })),
            ("choices", DemoUsers.LeadUnitAdmin, HttpStatusCode.OK, c => c.GetAsync($"/api/v1/pre-proposals/{complete.Id}/recommending-units")),
            ("members", DemoUsers.Admin, HttpStatusCode.OK, c => c.GetAsync($"/api/v1/units/{association}/members")),
            ("add member", DemoUsers.Admin, HttpStatusCode.BadRequest, c => c.PostAsJsonAsync($"/api/v1/units/{association}/members", new { socialCreditCode = "" })),
            ("remove member", DemoUsers.Admin, HttpStatusCode.NotFound, c => c.DeleteAsync($"/api/v1/units/{association}/members/{Guid.NewGuid()}?version=0")),
            ("import", DemoUsers.Admin, HttpStatusCode.BadRequest, c => c.PostAsync($"/api/v1/units/{association}/members/import", new StringContent("nothing", System.Text.Encoding.UTF8, "text/csv"))),
        };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var email in Everyone) clients[email] = await app.UserApiAsync(email);
        foreach (var (name, allowed, expected, send) in cases)
        {
            foreach (var email in Everyone)
            {
                var status = (await send(clients[email])).StatusCode;
                var want = email == allowed ? expected : HttpStatusCode.Forbidden;
                Assert.True(status == want, $"{name} {email}: {(int)status}, expected {(int)want}");
            }
            var anonymous = (await send(app.CreateClient())).StatusCode;
            Assert.True(anonymous == HttpStatusCode.Unauthorized, $"{name} anonymous: {(int)anonymous}");
        }
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }
}
