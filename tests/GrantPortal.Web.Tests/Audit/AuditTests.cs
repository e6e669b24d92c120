using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Audit;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Audit;

public sealed class AuditTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    public static TheoryData<string> NonAdminRoles => new(Roles.All.Where(r => r != Roles.PlatformAdmin));

    // Entries written directly, so that filters and paging are tested on known data.
    private async Task<string> SeedEntriesAsync(int count, string userName, DateTimeOffset at)
    {
        var entityId = Guid.NewGuid().ToString();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = at.AddMinutes(i), UserName = userName, EntityType = "Unit", EntityId = entityId, Action = "Modified",
                    Changes = JsonSerializer.Serialize(new[] { new AuditChange("Name", "旧名" + i, "新名" + i) }),
                });
            }
            await db.SaveChangesAsync();
        });
        return entityId;
    }

    [Fact]
    public async Task ApiAudit_FiltersByEntityAndUser_NewestFirst_AndPages()
    {
        var entityId = await SeedEntriesAsync(5, "auditor-a@example.test", new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var admin = await app.ApiClientAsync([Roles.PlatformAdmin], null);

        var page1 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Unit&entityId={entityId}&userName=AUDITOR-A&pageSize=2");
        var page3 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Unit&entityId={entityId}&pageSize=2&page=3");

        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        var items = page1.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("新名4", items[0].GetProperty("changes")[0].GetProperty("new").GetString());
        Assert.Equal("新名3", items[1].GetProperty("changes")[0].GetProperty("new").GetString());
        Assert.Equal("旧名0", Assert.Single(page3.GetProperty("items").EnumerateArray()).GetProperty("changes")[0].GetProperty("old").GetString());
        var none = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityId={entityId}&userName=somebody-else");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ApiAudit_DateRange_IsBeijingDaysInclusive()
    {
        // 2026-10-01 15:30 UTC is 2026-10-01 23:30 in Beijing; 16:30 UTC is already 2026-10-02 there.
        var lateOnFirst = await SeedEntriesAsync(1, "dates@example.test", new DateTimeOffset(2026, 10, 1, 15, 30, 0, TimeSpan.Zero));
        var earlyOnSecond = await SeedEntriesAsync(1, "dates@example.test", new DateTimeOffset(2026, 10, 1, 16, 30, 0, TimeSpan.Zero));
        var admin = await app.ApiClientAsync([Roles.PlatformAdmin], null);

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?userName=dates@example.test&from=2026-10-01&to=2026-10-01");
        var second = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?userName=dates@example.test&from=2026-10-02&to=2026-10-02");

        Assert.Equal(lateOnFirst, Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("entityId").GetString());
        Assert.Equal(earlyOnSecond, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("entityId").GetString());
    }

    [Fact]
    public async Task ApiAudit_FromAfterTo_Is400WithAuditDateRange()
    {
        var admin = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var response = await admin.GetAsync("/api/v1/audit?from=2026-10-02&to=2026-10-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AUDIT-DATE-RANGE", problem.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ApiEdit_IsAuditedWithTheClientName()
    {
        var admin = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        var created = await (await admin.PostAsJsonAsync("/api/v1/calls", CallForms.Api(CallForms.NewCode()))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/me");

        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Call&entityId={id}");

        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal("Added", entry.GetProperty("action").GetString());
        Assert.Equal(me.GetProperty("name").GetString(), entry.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task AuditPage_FiltersAndPages_AndShowsChangesTable()
    {
        var entityId = await SeedEntriesAsync(60, "pager@example.test", new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var first = await (await admin.GetAsync($"/Admin/Audit?EntityType=Unit&EntityId={entityId}")).HtmlAsync();
        var second = await (await admin.GetAsync($"/Admin/Audit?EntityType=Unit&EntityId={entityId}&p=2")).HtmlAsync();

        Assert.Contains("data-total=\"60\"", first);
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Matches(first, "class=\"card mb-3 audit-entry\"").Count);
        Assert.Contains("新名59", first);
        Assert.DoesNotContain("新名9<", first);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(second, "class=\"card mb-3 audit-entry\"").Count);
        Assert.Contains("旧名0", second);
        Assert.Contains("p=2", first);
        Assert.DoesNotContain("[[", first);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?culture=en")]
    [InlineData("?From=2026-10-02&To=2026-10-01")]
    public async Task AuditPage_RendersEveryText(string query)
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var response = await admin.GetAsync("/Admin/Audit" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("[[", await response.HtmlAsync());
    }

    [Fact]
    public async Task AuditPage_FromAfterTo_ShowsAuditDateRangeBesideTo()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var html = await (await admin.GetAsync("/Admin/Audit?From=2026-10-02&To=2026-10-01")).HtmlAsync();
        Assert.Matches("id=\"To-error\">\\s*<span data-code=\"AUDIT-DATE-RANGE\"", html);
    }

    [Fact]
    public async Task ApiAudit_PlatformAdmin_Is200()
    {
        var admin = await app.ApiClientAsync([Roles.PlatformAdmin], null);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task ApiAudit_NonAdminRole_Is403(string role)
    {
        var client = await app.ApiClientAsync([role], null);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task ApiAudit_Anonymous_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/audit")).StatusCode);
    }
}
