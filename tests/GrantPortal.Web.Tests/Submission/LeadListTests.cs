using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Submission;

// The lead-unit administrator sees all of its unit's applications, and only those, with counts.
public sealed partial class LeadListTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task LeadList_ShowsOnlyItsUnitsApplications_WithCountsPerState()
    {
        var drafts = new[] { await app.DraftAsync(), await app.DraftAsync(o => o.Configure = p => p.Title = "盐碱地改良国际联合研究") };
        var complete = await app.CompleteAsync();
        var submitted = await app.CompleteAsync();
        await app.SetStateAsync(submitted.Id, ApplicationState.Submitted);
        var otherUnit = await app.DraftAsync(o => o.OwnerEmail = DemoUsers.OtherApplicant);
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var html = await (await lead.GetAsync("/LeadUnit")).HtmlAsync();

        var ids = RowIds(html);
        Assert.Equal(new[] { drafts[0].Id.Value, drafts[1].Id.Value, complete.Id.Value, submitted.Id.Value }.Order(), ids.Order());
        Assert.DoesNotContain(otherUnit.Id.Value, ids);
        Assert.Equal(2, Count(html, "Draft"));
        Assert.Equal(1, Count(html, "Complete"));
        Assert.Equal(1, Count(html, "Submitted"));
        Assert.Equal(4, Count(html, ""));
        Assert.Contains($"href=\"/PreProposals/Submit/{complete.Id}\"", html);
        Assert.DoesNotContain("[[", html);

        var onlyDrafts = RowIds(await (await lead.GetAsync("/LeadUnit?State=Draft")).HtmlAsync());
        Assert.Equal(new[] { drafts[0].Id.Value, drafts[1].Id.Value }.Order(), onlyDrafts.Order());

        var search = RowIds(await (await lead.GetAsync("/LeadUnit?q=" + Uri.EscapeDataString("盐碱地"))).HtmlAsync());
        Assert.Equal([drafts[1].Id.Value], search);

        var byPi = RowIds(await (await lead.GetAsync("/LeadUnit?q=" + Uri.EscapeDataString("张伟"))).HtmlAsync());
        Assert.Equal(4, byPi.Count);

        var callId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Calls, c => c.Code == "2018-SIC"));
        Assert.Empty(RowIds(await (await lead.GetAsync($"/LeadUnit?CallId={callId.Id}")).HtmlAsync()));
    }

    private static List<Guid> RowIds(string html) => [.. RowId().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))];

    private static int Count(string html, string state)
    {
        var m = Regex.Match(html, $"data-state=\"{state}\" data-count=\"(\\d+)\"");
        Assert.True(m.Success, state);
        return int.Parse(m.Groups[1].Value);
    }

    [GeneratedRegex("<tr data-id=\"([0-9a-f-]+)\"")]
    private static partial Regex RowId();
}
