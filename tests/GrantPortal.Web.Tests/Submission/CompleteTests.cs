using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Submission;

// Marking a draft complete (issue 4, point 5) and PRE-LENGTH at its edge, through the page and the API.
public sealed class CompleteTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private const int Limit = 3000;

    // Objectives filled with CJK characters so that the whole narrative (the other sections and the
    // indicator answers included) counts exactly `total`; whitespace and line breaks sprinkled in.
    private static void FillTo(PreProposal p, int total)
    {
        p.Objectives = "";
        var rest = p.NarrativeLength();
        var chars = new string('研', total - rest).ToCharArray();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < chars.Length; i++)
        {
            text.Append(chars[i]);
            if (i % 100 == 99) text.Append("\r\n");
            else if (i % 37 == 0) text.Append(' ').Append('\u3000');
        }
        p.Objectives = text.ToString();
    }

    [Fact]
    public async Task MarkComplete_At3000Characters_IsAccepted()
    {
        var draft = await app.DraftAsync(o => o.Configure = p => FillTo(p, Limit));
        Assert.True(draft.Objectives.Length > Limit - 200);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await pi.PostFormAsync($"/PreProposals/Complete/{draft.Id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/PreProposals/View/{draft.Id}", response.Headers.Location!.OriginalString);
        var stored = await app.ReloadAsync(draft.Id);
        Assert.Equal(ApplicationState.Complete, stored.State);
        var t = Assert.Single(stored.Transitions);
        Assert.Equal((ApplicationState.Draft, ApplicationState.Complete, "Transition.MarkedComplete"), (t.From, t.To, t.Reason));
    }

    [Fact]
    public async Task MarkComplete_At3001Characters_IsRefusedWithPreLength()
    {
        var draft = await app.DraftAsync(o => o.Configure = p => FillTo(p, Limit + 1));
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await pi.PostFormAsync($"/PreProposals/Complete/{draft.Id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Equal(["PRE-LENGTH"], SubmissionKit.DataCodes(html));
        Assert.Contains($"href=\"/PreProposals/Edit/{draft.Id}#Narrative\"", html);
        Assert.Contains("data-count=\"3001\"", html);
        Assert.DoesNotContain("[[", html);
        Assert.Equal(ApplicationState.Draft, (await app.ReloadAsync(draft.Id)).State);
    }

    [Fact]
    public async Task MarkComplete_Objectives3001Cjk_ApiRefusesWithPreLengthCount()
    {
        var draft = await app.DraftAsync(o => o.Configure = p => p.Objectives = new string('中', Limit + 1) + "\n \t\u3000");
        var pi = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await pi.PostAsync($"/api/v1/pre-proposals/{draft.Id}/complete", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("PRE-LENGTH", error.GetProperty("code").GetString());
        Assert.Equal("narrative", error.GetProperty("field").GetString());
        Assert.True(int.Parse(error.GetProperty("args").GetProperty("count").GetString()!) > Limit + 1);
        Assert.Equal(ApplicationState.Draft, (await app.ReloadAsync(draft.Id)).State);
    }

    [Fact]
    public async Task MarkComplete_EmptyDraft_ReportsEveryMissingPiece()
    {
        var draft = await app.DraftAsync(o => o.Filled = false);
        var pi = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await pi.PostAsync($"/api/v1/pre-proposals/{draft.Id}/complete", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => (Code: e.GetProperty("code").GetString(), Field: e.GetProperty("field").GetString())).ToList();
        foreach (var field in new[] { "title", "piPersonId", "durationMonths", "requestedBudget", "piMonthsPerYear", "objectives", "innovation", "technicalRoute", "researchBasis", "foreignLead" })
            Assert.Contains(("PRE-REQUIRED", field), errors);
        Assert.Contains(errors, e => e.Code == "DIRECTION-INDICATORS");
        foreach (var code in new[] { "DOC-JOINT-AGREEMENT", "DOC-INTEGRITY", "DOC-IP-AGREEMENT", "FOREIGN-COOPERATION-PROOF", "FOREIGN-LEAD-TIME" })
            Assert.Contains(errors, e => e.Code == code);
        Assert.Equal(2, errors.Count(e => e.Code == "DOC-INTEGRITY"));
    }

    [Fact]
    public async Task MarkComplete_Page_ListsEachMissingPieceWithALinkToItsField()
    {
        var draft = await app.DraftAsync(o => { o.WithAttachments = false; o.Configure = p => p.Title = ""; });
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await pi.PostFormAsync($"/PreProposals/Complete/{draft.Id}", new Dictionary<string, string>());

        var html = await response.HtmlAsync();
        var codes = SubmissionKit.DataCodes(html);
        Assert.Contains("PRE-REQUIRED", codes);
        Assert.Contains("DOC-JOINT-AGREEMENT", codes);
        Assert.Contains($"href=\"/PreProposals/Edit/{draft.Id}#Title\"", html);
        Assert.Contains($"href=\"/PreProposals/Attachments/{draft.Id}#JointAgreement\"", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task MarkComplete_MissingJointAgreementDate_IsReported()
    {
        var draft = await app.DraftAsync();
        await app.AttachAsync(draft.Id, AttachmentKind.JointAgreement, signedOn: null);
        var pi = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await pi.PostAsync($"/api/v1/pre-proposals/{draft.Id}/complete", null);

        Assert.Equal(["DOC-JOINT-AGREEMENT-DATE"], await response.ErrorCodesAsync());
    }

    [Fact]
    public async Task MarkComplete_ByLeadUnitAdminThroughTheApi_IsRefusedByRole()
    {
        var draft = await app.DraftAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.PostAsync($"/api/v1/pre-proposals/{draft.Id}/complete", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApplicationState.Draft, (await app.ReloadAsync(draft.Id)).State);
    }

    [Fact]
    public async Task Reopen_CompleteProposal_GoesBackToDraftAndTwiceIsAStateConflict()
    {
        var draft = await app.DraftAsync();
        var pi = await app.UserApiAsync(DemoUsers.Applicant);
        Assert.Equal(HttpStatusCode.OK, (await pi.PostAsync($"/api/v1/pre-proposals/{draft.Id}/complete", null)).StatusCode);

        var reopened = await pi.PostAsync($"/api/v1/pre-proposals/{draft.Id}/reopen", null);
        var again = await pi.PostAsync($"/api/v1/pre-proposals/{draft.Id}/reopen", null);

        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("Draft", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["APP-STATE"], await again.ErrorCodesAsync());
        var stored = await app.ReloadAsync(draft.Id);
        Assert.Equal(ApplicationState.Draft, stored.State);
        Assert.Equal(2, stored.Transitions.Count);
    }

    [Fact]
    public async Task Reopen_FromThePage_GoesBackToDraft()
    {
        var draft = await app.DraftAsync();
        await app.SetStateAsync(draft.Id, ApplicationState.Complete);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var response = await pi.PostFormAsync($"/PreProposals/Complete/{draft.Id}?handler=Reopen", new Dictionary<string, string>(), formUrl: $"/PreProposals/View/{draft.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationState.Draft, (await app.ReloadAsync(draft.Id)).State);
    }
}
