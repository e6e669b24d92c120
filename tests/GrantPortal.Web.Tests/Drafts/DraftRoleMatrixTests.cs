using System.Net;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Drafts;

// The draft's pages are the applicant's (Applicant policy); every other role is refused at the
// edge, anonymous users are sent to sign in. The applicant's home lists its applications.
public sealed class DraftRoleMatrixTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string> OtherRoles => new()
    {
        DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert, DemoUsers.Admin,
    };

    private async Task<string[]> PathsAsync()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        return
        [
            "/PreProposals/Start", $"/PreProposals/Edit/{draft.Id}", $"/PreProposals/CoEditors/{draft.Id}",
            "/PreProposals/Pickers?handler=Units&q=%E5%A4%A7%E5%AD%A6", "/PreProposals/Pickers?handler=People&q=%E5%BC%A0",
        ];
    }

    [Fact]
    public async Task Pages_ForTheApplicant_AreOpen_InBothLanguages()
    {
        var paths = await PathsAsync();
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var path in paths.Append("/Applicant"))
            {
                var response = await client.GetAsync(path + (path.Contains('?') ? "&" : "?") + "culture=" + culture);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
                Assert.DoesNotContain("[[", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Pages_ForOtherRoles_AreRefused(string email)
    {
        var paths = await PathsAsync();
        var client = await app.SignedInAsync(email);
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Pages_ForAnonymous_SendToSignIn()
    {
        var paths = await PathsAsync();
        var client = app.CreateBrowser();
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task ApplicantHome_ListsOwnApplicationsWithStatesAndCounts_AndAStartButtonPerOpenCall()
    {
        var mine = await app.DraftAsync(o => { o.WithAttachments = false; o.Configure = p => p.Title = "我的第一份申报书"; });
        var complete = await app.DraftAsync(o => { o.WithAttachments = false; o.Configure = p => { p.Title = "已完成的申报书"; p.State = GrantPortal.Domain.Applications.ApplicationState.Complete; }; });
        var theirs = await app.DraftAsync(o => { o.OwnerEmail = DemoUsers.OtherApplicant; o.Filled = false; o.Configure = p => p.Title = "别人的申报书"; });
        var client = await app.SignedInAsync(DemoUsers.Applicant);

        var html = await (await client.GetAsync("/Applicant")).Content.ReadAsStringAsync();

        Assert.Contains($"data-id=\"{mine.Id}\" data-state=\"Draft\"", html);
        Assert.Contains($"data-id=\"{complete.Id}\" data-state=\"Complete\"", html);
        Assert.Contains("我的第一份申报书", html);
        Assert.DoesNotContain("别人的申报书", html);
        Assert.DoesNotContain(theirs.Id.ToString(), html);
        Assert.Contains($"href=\"/PreProposals/Edit/{mine.Id}\"", html);
        Assert.DoesNotContain($"href=\"/PreProposals/Edit/{complete.Id}\"", html);
        Assert.Contains($"href=\"/PreProposals/View/{complete.Id}\"", html);
        Assert.Matches("data-state=\"Complete\">[^<]+<span class=\"count\">1</span>", html);
        var demoCall = await app.WithDbAsync(db => db.Calls.Where(c => c.Code == SeedCalls.CodeDemo).Select(c => c.Id).SingleAsync());
        Assert.Contains($"href=\"/PreProposals/Start?call={demoCall}\" data-call=\"{SeedCalls.CodeDemo}\"", html);
        Assert.DoesNotContain($"data-call=\"{SeedCalls.Code2018}\"", html);
    }
}
