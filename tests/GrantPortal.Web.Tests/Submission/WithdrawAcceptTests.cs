using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Submission;

// Withdrawn is possible until the Exchange Center accepts; after acceptance LOCK-AFTER-ACCEPT.
public sealed class WithdrawAcceptTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Withdraw_Submitted_WithAReason_IsRecorded()
    {
        var (p, _) = await app.SubmittedAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.PostAsJsonAsync($"/api/v1/pre-proposals/{p.Id}/withdraw", new { reason = "合作方变更，暂缓申报" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.ReloadAsync(p.Id);
        Assert.Equal(ApplicationState.Withdrawn, stored.State);
        Assert.Contains(stored.Transitions, t => t.To == ApplicationState.Withdrawn && t.Reason == "合作方变更，暂缓申报");
    }

    [Fact]
    public async Task Withdraw_FromThePage_WithoutReason_UsesTheTransitionCode()
    {
        var (p, _) = await app.SubmittedAsync();
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.PostFormAsync($"/PreProposals/Withdraw/{p.Id}", new Dictionary<string, string> { ["Reason"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.ReloadAsync(p.Id);
        Assert.Equal(ApplicationState.Withdrawn, stored.State);
        Assert.Contains(stored.Transitions, t => t.To == ApplicationState.Withdrawn && t.Reason == "Transition.Withdrawn");
    }

    [Fact]
    public async Task Withdraw_Endorsed_IsStillPossible()
    {
        var (p, _) = await app.SubmittedAsync();
        await app.EndorseAndSendAsync(p.Id);
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.PostAsync($"/api/v1/pre-proposals/{p.Id}/withdraw", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApplicationState.Withdrawn, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Withdraw_AfterAcceptance_IsRefused()
    {
        var (p, _) = await app.SubmittedAsync();
        await app.EndorseAndSendAsync(p.Id);
        var staff = await app.UserApiAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/pre-proposals/{p.Id}/accept", null)).StatusCode);
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.PostAsync($"/api/v1/pre-proposals/{p.Id}/withdraw", null);
        var page = await (await app.SignedInAsync(DemoUsers.LeadUnitAdmin)).GetAsync($"/PreProposals/Withdraw/{p.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["APP-STATE"], await response.ErrorCodesAsync());
        Assert.Contains("id=\"cannot-withdraw\"", await page.HtmlAsync());
        Assert.Equal(ApplicationState.Accepted, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Accept_Endorsed_ByStaffThroughTheViewButton_LocksLeadUnitAndPi()
    {
        var (p, _) = await app.SubmittedAsync();
        await app.EndorseAndSendAsync(p.Id);
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        var view = await (await staff.GetAsync($"/PreProposals/View/{p.Id}")).HtmlAsync();
        Assert.Contains("id=\"action-accept\"", view);

        var response = await staff.PostFormAsync($"/PreProposals/Accept/{p.Id}", new Dictionary<string, string>(), formUrl: $"/PreProposals/View/{p.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.ReloadAsync(p.Id);
        Assert.Equal(ApplicationState.Accepted, stored.State);
        Assert.Contains(stored.Transitions, t => t.From == ApplicationState.Endorsed && t.To == ApplicationState.Accepted && t.ByName == "交流中心业务处");
        // LOCK-AFTER-ACCEPT: neither the lead unit nor the PI may change any more (SaveDraft calls the same check).
        Assert.Equal("LOCK-AFTER-ACCEPT", Lifecycle.CheckLeadAndPiChange(stored, UnitId.New(), stored.PiPersonId)?.Code);
        Assert.Equal("LOCK-AFTER-ACCEPT", Lifecycle.CheckLeadAndPiChange(stored, stored.LeadUnitId, PersonId.New())?.Code);
        Assert.Null(Lifecycle.CheckLeadAndPiChange(stored, stored.LeadUnitId, stored.PiPersonId));
        // Nor can the PI reopen it to change them.
        var reopen = await (await app.UserApiAsync(DemoUsers.Applicant)).PostAsync($"/api/v1/pre-proposals/{p.Id}/reopen", null);
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
    }

    [Fact]
    public async Task Accept_Submitted_NotYetEndorsed_IsNotVisibleToTheExchangeCenter()
    {
        var (p, _) = await app.SubmittedAsync();
        var staff = await app.UserApiAsync(DemoUsers.Staff);

        var response = await staff.PostAsync($"/api/v1/pre-proposals/{p.Id}/accept", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Accept_Endorsed_NotYetSentByTheRecommendingUnit_IsNotVisibleToTheExchangeCenter()
    {
        var (p, _) = await app.SubmittedAsync();
        var officer = await app.UserApiAsync(DemoUsers.Recommender);
        var version = await app.WithDbAsync(db => db.PreProposals.Where(x => x.Id == p.Id).Select(x => x.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/recommendations/applications/{p.Id}/decision", new { decision = "Endorse", version })).StatusCode);
        var staff = await app.UserApiAsync(DemoUsers.Staff);

        var response = await staff.PostAsync($"/api/v1/pre-proposals/{p.Id}/accept", null);
        var view = await (await app.SignedInAsync(DemoUsers.Staff)).GetAsync($"/PreProposals/View/{p.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(ApplicationState.Endorsed, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Accept_Twice_IsAStateConflict()
    {
        var (p, _) = await app.SubmittedAsync();
        await app.EndorseAndSendAsync(p.Id);
        var staff = await app.UserApiAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/pre-proposals/{p.Id}/accept", null)).StatusCode);

        var again = await staff.PostAsync($"/api/v1/pre-proposals/{p.Id}/accept", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("APP-STATE", body.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("Accepted", body.GetProperty("errors")[0].GetProperty("args").GetProperty("from").GetString());
    }

    [Fact]
    public async Task Withdrawn_CanBeReopenedByThePi()
    {
        var (p, _) = await app.SubmittedAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync($"/api/v1/pre-proposals/{p.Id}/withdraw", null)).StatusCode);

        var reopen = await (await app.UserApiAsync(DemoUsers.Applicant)).PostAsync($"/api/v1/pre-proposals/{p.Id}/reopen", null);

        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.Equal(ApplicationState.Draft, (await app.ReloadAsync(p.Id)).State);
    }
}
