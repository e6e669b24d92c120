using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Submission;

// Every transition records who, when, from which state to which and why (issue 4, point 7).
public sealed class HistoryTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task History_RecordsWhoWhenFromToAndWhy()
    {
        await app.OpenWindowAsync();
        var draft = await app.DraftAsync();
        var pi = await app.UserApiAsync(DemoUsers.Applicant);
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var completedAt = app.Clock.GetUtcNow();
        var completed = await pi.PostAsync($"/api/v1/pre-proposals/{draft.Id}/complete", null);
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await lead.SubmitAsync(draft.Id, await app.RecommenderUnitAsync())).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var withdrawn = await lead.PostAsJsonAsync($"/api/v1/pre-proposals/{draft.Id}/withdraw", new { reason = "<script>alert(1)</script>需补充材料" });
        Assert.True(withdrawn.StatusCode == HttpStatusCode.OK, (int)withdrawn.StatusCode + await withdrawn.Content.ReadAsStringAsync());

        var response = await pi.GetAsync($"/api/v1/pre-proposals/{draft.Id}/history?culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var (piId, leadId) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == DemoUsers.Applicant).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == DemoUsers.LeadUnitAdmin).Select(u => u.Id).SingleAsync()));
        Assert.Equal(("Draft", "Complete", "Transition.MarkedComplete"), (items[0].GetProperty("from").GetString(), items[0].GetProperty("to").GetString(), items[0].GetProperty("reason").GetString()));
        Assert.Equal(piId, items[0].GetProperty("byUserId").GetGuid());
        Assert.Equal("张伟", items[0].GetProperty("byName").GetString());
        Assert.Equal(completedAt, items[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(("Complete", "Submitted"), (items[1].GetProperty("from").GetString(), items[1].GetProperty("to").GetString()));
        Assert.Equal(leadId, items[1].GetProperty("byUserId").GetGuid());
        Assert.Equal(completedAt.AddMinutes(10), items[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal("Submitted by the lead unit to the recommending unit", items[1].GetProperty("reasonText").GetString());
        Assert.Equal("<script>alert(1)</script>需补充材料", items[2].GetProperty("reason").GetString());

        var view = await (await app.SignedInAsync(DemoUsers.Applicant)).GetAsync($"/PreProposals/View/{draft.Id}");
        var raw = await view.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", raw);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw);
        var html = await view.HtmlAsync();
        Assert.Contains("data-from=\"Complete\" data-to=\"Submitted\"", html);
        Assert.Contains("data-from=\"Submitted\" data-to=\"Withdrawn\"", html);
        Assert.Contains("京华大学科研院", html);
        Assert.DoesNotContain("[[", html);
    }
}
