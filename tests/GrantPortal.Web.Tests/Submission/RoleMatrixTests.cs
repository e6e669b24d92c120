using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Submission;

// The role matrix of every page and endpoint of the submission area. Pages: a role outside the
// folder's policy is sent to AccessDenied; a role inside it that may not see this proposal gets 404.
// API: 403 for a role outside the policy, 404 for a proposal not visible, 401 anonymous.
public sealed class RoleMatrixTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>, IAsyncLifetime
{
    private static readonly string[] Everyone =
        [DemoUsers.Admin, DemoUsers.Applicant, DemoUsers.OtherApplicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert];

    private PreProposal _draft = null!;
    private PreProposal _complete = null!;
    private PreProposal _submitted = null!;
    private PreProposal _endorsed = null!;
    private PreProposal _accepted = null!;

    public async Task InitializeAsync()
    {
        _draft = await app.DraftAsync();
        _complete = await app.CompleteAsync();
        (_submitted, _) = await app.SubmittedAsync();
        (_endorsed, _) = await app.SubmittedAsync();
        await app.EndorseAndSendAsync(_endorsed.Id);
        (_accepted, _) = await app.SubmittedAsync();
        await app.EndorseAndSendAsync(_accepted.Id);
        await app.SetStateAsync(_accepted.Id, ApplicationState.Accepted);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private enum Expect { Ok, Denied, NotFound }

    private static Expect Page(string email, params string[] allowed) => allowed.Contains(email) ? Expect.Ok : Expect.NotFound;

    private async Task AssertPageAsync(string url, Func<string, Expect> expect)
    {
        foreach (var email in Everyone)
        {
            var client = await app.SignedInAsync(email);
            var response = await client.GetAsync(url);
            switch (expect(email))
            {
                case Expect.Ok:
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {email}: {(int)response.StatusCode}");
                    Assert.DoesNotContain("[[", await response.HtmlAsync());
                    break;
                case Expect.NotFound:
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} {email}: {(int)response.StatusCode}");
                    break;
                default:
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} {email}: {(int)response.StatusCode}");
                    Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
                    break;
            }
        }
        var anonymous = await app.CreateBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Accounts/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public Task ViewPage_OwnerAndLeadUnit_OthersNotFound() =>
        AssertPageAsync($"/PreProposals/View/{_draft.Id}", e => Page(e, DemoUsers.Applicant, DemoUsers.LeadUnitAdmin));

    [Fact]
    public Task ViewPage_Submitted_AlsoTheAddressedRecommendingUnit() =>
        AssertPageAsync($"/PreProposals/View/{_submitted.Id}", e => Page(e, DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender));

    [Fact]
    public Task ViewPage_Endorsed_AlsoTheExchangeCenter() =>
        AssertPageAsync($"/PreProposals/View/{_endorsed.Id}", e => Page(e, DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff));

    [Fact]
    public Task ReceiptPage_ThoseWhoSeeTheSubmission() =>
        AssertPageAsync($"/PreProposals/Receipt/{_submitted.Id}", e => Page(e, DemoUsers.Applicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender));

    [Fact]
    public Task CompletePage_ThePiOnly() =>
        AssertPageAsync($"/PreProposals/Complete/{_draft.Id}", e => e switch
        {
            DemoUsers.Applicant => Expect.Ok,
            DemoUsers.OtherApplicant => Expect.NotFound,
            _ => Expect.Denied,
        });

    [Fact]
    public Task SubmitPage_TheLeadUnitAdminOnly() =>
        AssertPageAsync($"/PreProposals/Submit/{_complete.Id}", e => e == DemoUsers.LeadUnitAdmin ? Expect.Ok : Expect.Denied);

    [Fact]
    public Task WithdrawPage_TheLeadUnitAdminOnly() =>
        AssertPageAsync($"/PreProposals/Withdraw/{_submitted.Id}", e => e == DemoUsers.LeadUnitAdmin ? Expect.Ok : Expect.Denied);

    [Fact]
    public Task AcceptPage_TheExchangeCenterOnly() =>
        AssertPageAsync($"/PreProposals/Accept/{_endorsed.Id}", e => e == DemoUsers.Staff ? Expect.Ok : Expect.Denied);

    [Fact]
    public Task LeadUnitList_TheLeadUnitAdminOnly() =>
        AssertPageAsync("/LeadUnit", e => e == DemoUsers.LeadUnitAdmin ? Expect.Ok : Expect.Denied);

    [Fact]
    public async Task Endpoints_RoleMatrix()
    {
        var recommender = await app.RecommenderUnitAsync();
        // Requests that would change something are sent to proposals in a state the operation refuses
        // (so that allowed roles get 409, not a change), or are reads.
        var cases = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Send, Func<string, HttpStatusCode> Expect)[]
        {
            ("complete", c => c.PostAsync($"/api/v1/pre-proposals/{_submitted.Id}/complete", null),
                e => e == DemoUsers.Applicant ? HttpStatusCode.Conflict : e == DemoUsers.OtherApplicant ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden),
            ("reopen", c => c.PostAsync($"/api/v1/pre-proposals/{_draft.Id}/reopen", null),
                e => e == DemoUsers.Applicant ? HttpStatusCode.Conflict : e == DemoUsers.OtherApplicant ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden),
            ("submit", c => c.SubmitAsync(_draft.Id, recommender),
                e => e == DemoUsers.LeadUnitAdmin ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden),
            ("withdraw", c => c.PostAsync($"/api/v1/pre-proposals/{_complete.Id}/withdraw", null),
                e => e == DemoUsers.LeadUnitAdmin ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden),
            ("accept", c => c.PostAsync($"/api/v1/pre-proposals/{_accepted.Id}/accept", null),
                e => e == DemoUsers.Staff ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden),
            ("receipt", c => c.GetAsync($"/api/v1/pre-proposals/{_submitted.Id}/receipt"),
                e => e is DemoUsers.Applicant or DemoUsers.LeadUnitAdmin or DemoUsers.Recommender ? HttpStatusCode.OK : HttpStatusCode.NotFound),
            ("history", c => c.GetAsync($"/api/v1/pre-proposals/{_endorsed.Id}/history"),
                e => e is DemoUsers.Applicant or DemoUsers.LeadUnitAdmin or DemoUsers.Recommender or DemoUsers.Staff ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        };
        foreach (var email in Everyone)
        {
            var client = await app.UserApiAsync(email);
            foreach (var (name, send, expect) in cases)
            {
                var status = (await send(client)).StatusCode;
                Assert.True(status == expect(email), $"{name} as {email}: {(int)status}, expected {(int)expect(email)}");
            }
        }
        var anonymous = app.CreateClient();
        foreach (var (name, send, _) in cases)
            Assert.True((await send(anonymous)).StatusCode == HttpStatusCode.Unauthorized, name + " anonymous");
        Assert.Equal(ApplicationState.Draft, (await app.ReloadAsync(_draft.Id)).State);
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(_complete.Id)).State);
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(_submitted.Id)).State);
        Assert.Equal(ApplicationState.Endorsed, (await app.ReloadAsync(_endorsed.Id)).State);
    }
}
