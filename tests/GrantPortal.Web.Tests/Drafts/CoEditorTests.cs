using System.Net;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Drafts;

public sealed class CoEditorTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    // The antiforgery token comes from a page every applicant may open (the user's token is the same
    // on every page), so that a refused user reaches the handler.
    private static Task<HttpResponseMessage> InviteAsync(HttpClient pi, Guid id, string email) =>
        pi.PostFormAsync($"/PreProposals/CoEditors/{id}", new Dictionary<string, string> { ["Email"] = email }, "/Applicant");

    [Fact]
    public async Task Invite_OfAnApplicantOfAnotherUnit_IsRefused()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await InviteAsync(pi, draft.Id.Value, DemoUsers.OtherApplicant);
        var unknown = await InviteAsync(pi, draft.Id.Value, "nobody@test.grantportal.test");
        var leadAdmin = await InviteAsync(pi, draft.Id.Value, DemoUsers.LeadUnitAdmin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-code=\"DRAFT-COEDITOR-NOT-IN-UNIT\"", await response.Content.ReadAsStringAsync());
        Assert.Contains("data-code=\"DRAFT-COEDITOR-NOT-IN-UNIT\"", await unknown.Content.ReadAsStringAsync());
        Assert.Contains("data-code=\"DRAFT-COEDITOR-NOT-IN-UNIT\"", await leadAdmin.Content.ReadAsStringAsync());
        Assert.Empty((await app.WithDbAsync(db => db.PreProposals.AsNoTracking().SingleAsync(p => p.Id == draft.Id))).CoEditors);
    }

    [Fact]
    public async Task Invite_OfAColleague_LetsThemSave_ButNotManageCoEditors_UntilRemoved()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);
        var (colleagueId, email) = await app.ColleagueAsync();

        var invited = await InviteAsync(pi, draft.Id.Value, email);

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var stored = await app.WithDbAsync(db => db.PreProposals.AsNoTracking().SingleAsync(p => p.Id == draft.Id));
        Assert.Equal(colleagueId, Assert.Single(stored.CoEditors).UserId);
        var mail = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Contains($"/PreProposals/Edit/{draft.Id}", mail.TextBody);
        Assert.DoesNotContain("[[", mail.Subject + mail.TextBody);
        Assert.Contains("data-code=\"DRAFT-COEDITOR-ALREADY\"", await (await InviteAsync(pi, draft.Id.Value, email)).Content.ReadAsStringAsync());

        var colleague = await app.SignedInAsync(email);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.Innovation = "同事写的创新思路";
        var saved = await colleague.SaveAsync(draft.Id, version, content);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("同事写的创新思路", (await app.LoadAsync(draft.Id)).Innovation);

        // A co-editor is no owner: it neither invites nor marks complete (ProposalAccess.IsOwner).
        var page = await (await colleague.GetAsync($"/PreProposals/Edit/{draft.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"co-editors-link\"", page);
        var coPage = await colleague.GetAsync($"/PreProposals/CoEditors/{draft.Id}");
        Assert.Equal(HttpStatusCode.Redirect, coPage.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", coPage.Headers.Location!.PathAndQuery);
        var (_, otherEmail) = await app.ColleagueAsync();
        var byCoEditor = await InviteAsync(colleague, draft.Id.Value, otherEmail);
        Assert.StartsWith("/Accounts/AccessDenied", byCoEditor.Headers.Location!.PathAndQuery);
        var asCoEditor = new TestUser(colleagueId);
        var reloaded = await app.WithDbAsync(db => db.PreProposals.AsNoTracking().SingleAsync(p => p.Id == draft.Id));
        Assert.True(ProposalAccess.CanEdit(reloaded, asCoEditor));
        Assert.False(ProposalAccess.IsOwner(reloaded, asCoEditor));
        var list = await (await colleague.GetAsync("/Applicant")).Content.ReadAsStringAsync();
        Assert.Contains($"data-id=\"{draft.Id}\"", list);

        // Removed: the draft is no longer theirs to see.
        var removed = await pi.PostFormAsync($"/PreProposals/CoEditors/{draft.Id}?handler=Remove", new Dictionary<string, string> { ["userId"] = colleagueId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/PreProposals/Edit/{draft.Id}")).StatusCode);
        var (after, afterVersion) = await app.ContentAsync(draft.Id);
        var token = await colleague.EditTokenAsync((await app.DraftAsync(o => { o.OwnerEmail = email; o.Filled = false; })).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.SaveAsync(draft.Id, afterVersion, after, token)).Status);
    }

    [Fact]
    public async Task CoEditorsPage_OfAnotherUnitsDraft_Is404()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var other = await app.SignedInAsync(DemoUsers.OtherApplicant);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/PreProposals/CoEditors/{draft.Id}")).StatusCode);
    }

    private sealed class TestUser(Guid id) : GrantPortal.Web.Infrastructure.Authorization.ICurrentUser
    {
        public System.Security.Claims.ClaimsPrincipal Principal { get; } = new();
        public Guid? UserId => id;
        public string Name => "test";
        public GrantPortal.Domain.Common.UnitId? UnitId => null;
        public bool IsInRole(string role) => role == Roles.Applicant;
    }
}
