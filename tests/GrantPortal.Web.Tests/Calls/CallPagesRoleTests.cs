using System.Net;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Calls;

// The role matrix of the admin pages of this area: the platform admin only.
public sealed class CallPagesRoleTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly string[] AdminPages = ["/Admin/Calls", "/Admin/Calls/Edit", "/Admin/Audit"];

    public static TheoryData<string> NonAdmins => new(
        DemoUsers.Applicant, DemoUsers.OtherApplicant, DemoUsers.LeadUnitAdmin, DemoUsers.Recommender, DemoUsers.Staff, DemoUsers.Expert);

    [Fact]
    public async Task AdminPages_PlatformAdmin_Is200()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        foreach (var page in AdminPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task AdminPages_OtherRoles_AreRefused(string email)
    {
        var client = await app.SignedInAsync(email);
        foreach (var page in AdminPages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var post = await client.PostFormAsync("/Admin/Calls/Edit", CallForms.Page(CallForms.NewCode()), formUrl: "/Calls");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", post.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AdminPages_Anonymous_AreSentToSignIn()
    {
        var client = app.CreateBrowser();
        foreach (var page in AdminPages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task PublicCallPages_Anonymous_Are200()
    {
        var client = app.CreateBrowser();
        var list = await client.GetAsync("/Calls");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.HtmlAsync();
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/Calls/Details/[0-9a-f-]+)\"");
        Assert.True(link.Success);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.Groups[1].Value)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Calls/Details/" + Guid.NewGuid())).StatusCode);
    }
}
