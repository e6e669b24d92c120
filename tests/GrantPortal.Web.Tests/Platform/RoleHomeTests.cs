using System.Net;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Platform;

// The role matrix of the home pages: each role reaches its own home page and is refused the others.
public sealed class RoleHomeTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string, string> Homes => new()
    {
        { DemoUsers.Admin, "/Admin" },
        { DemoUsers.Applicant, "/Applicant" },
        { DemoUsers.LeadUnitAdmin, "/LeadUnit" },
        { DemoUsers.Recommender, "/Recommender" },
        { DemoUsers.Staff, "/ExchangeCenter" },
        { DemoUsers.Expert, "/Expert" },
    };

    private static readonly string[] AllHomes = ["/Admin", "/Applicant", "/LeadUnit", "/Recommender", "/ExchangeCenter", "/Expert"];

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task SignIn_GoesToOwnHome_AndOtherHomesAreRefused(string email, string home)
    {
        var client = await app.SignedInAsync(email);
        var root = await client.GetAsync("/");
        Assert.Equal(home, root.Headers.Location?.OriginalString);
        var page = await client.GetAsync(home);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("[[", await page.Content.ReadAsStringAsync());
        foreach (var other in AllHomes.Where(h => h != home))
        {
            var refused = await client.GetAsync(other);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", refused.Headers.Location!.PathAndQuery);
        }
    }
}
