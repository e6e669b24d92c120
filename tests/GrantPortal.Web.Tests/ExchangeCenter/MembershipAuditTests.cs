using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Recommendations;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.ExchangeCenter;

// Changes of an association's or alliance's member list (RECOMMENDER-SCOPE) are audited like every
// other registry change: who, when, which list and which member.
public sealed class MembershipAuditTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task AddingAndRemovingAMember_IsAudited_AndShownInTheAuditBrowser()
    {
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var association = await app.UnitIdAsync(SeedRegistry.AssociationCode);
        var member = await app.UnitIdAsync(SeedRegistry.EnterpriseCode);

        var added = await admin.PostAsJsonAsync($"/api/v1/units/{association}/members", new { socialCreditCode = SeedRegistry.EnterpriseCode });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var row = await added.JsonAsync();
        var id = row.GetProperty("id").GetGuid();
        var removed = await admin.DeleteAsync($"/api/v1/units/{association}/members/{id}?version={row.GetProperty("version").GetUInt32()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=UnitMembership&entityId={id}");
        var items = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Deleted", "Added"], items.Select(i => i.GetProperty("action").GetString()));
        var creation = items[1].GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("new").GetString());
        Assert.Equal(association.ToString(), creation["RecommendingUnitId"]);
        Assert.Equal(member.ToString(), creation["MemberUnitId"]);
        Assert.All(items, i => Assert.NotEqual("system", i.GetProperty("userName").GetString()));

        var browser = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await browser.GetAsync("/Admin/Audit?EntityType=UnitMembership")).HtmlAsync();
        Assert.Contains("value=\"UnitMembership\"", html);
        Assert.Contains(id.ToString(), html);
        Assert.DoesNotContain("[[", html);
    }
}
