using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Drafts;

// Autosave through the edit page's JSON handler (what wwwroot/js/autosave.js sends).
public sealed class SaveDraftTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Save_OfAnyLength_IsStored_AndAnswersTheServerCount()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.Objectives = string.Concat(Enumerable.Repeat("研 ", 3001));
        content.Innovation = "👨‍👩‍👧‍👦 🇨🇳\u3000e\u0301";

        var saved = await client.SaveAsync(draft.Id, version, content);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var stored = await app.LoadAsync(draft.Id);
        Assert.Equal(content.Objectives, stored.Objectives);
        Assert.Equal(content.Innovation, stored.Innovation);
        Assert.Equal(stored.NarrativeLength(), saved.Body.GetProperty("narrativeCount").GetInt32());
        Assert.True(stored.NarrativeLength() > 3001);
        Assert.NotEqual(version, saved.Version);
        Assert.Equal(stored.Version, saved.Version);
    }

    [Fact]
    public async Task Save_TwiceOnTheSameVersion_SecondGets409_AndFirstTextSurvives()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var tab1 = await app.SignedInAsync(DemoUsers.Applicant);
        var tab2 = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);

        content.Objectives = "第一个标签页的目标";
        var first = await tab1.SaveAsync(draft.Id, version, content);
        var (other, _) = await app.ContentAsync(draft.Id);
        other.Objectives = "第二个标签页的目标";
        other.Title = draft.Title;
        var second = await tab2.SaveAsync(draft.Id, version, other);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("DRAFT-CONFLICT", second.Codes);
        Assert.Equal(first.Version, second.Version);
        var differences = second.Body.GetProperty("differences").EnumerateArray().ToList();
        var objectives = Assert.Single(differences, d => d.GetProperty("field").GetString() == "Objectives");
        Assert.Equal("第二个标签页的目标", objectives.GetProperty("yours").GetString());
        Assert.Equal("第一个标签页的目标", objectives.GetProperty("stored").GetString());
        Assert.DoesNotContain(differences, d => d.GetProperty("field").GetString() == "Title");
        Assert.Equal("第一个标签页的目标", (await app.LoadAsync(draft.Id)).Objectives);

        // Keeping one's own text: saved again on the stored version.
        var kept = await tab2.SaveAsync(draft.Id, second.Version, other);
        Assert.Equal(HttpStatusCode.OK, kept.Status);
        Assert.Equal("第二个标签页的目标", (await app.LoadAsync(draft.Id)).Objectives);
    }

    [Fact]
    public async Task Save_WithAStaleVersionAndNoChange_IsStillAConflict()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(draft.Id, version, content)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.SaveAsync(draft.Id, version, content)).Status);
    }

    [Fact]
    public async Task Save_HtmlTyped_IsStoredVerbatim_AndShownEncoded()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.Title = "<script>alert('t')</script>";
        content.Objectives = "<img src=x onerror=alert(1)><script>alert('o')</script>";

        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(draft.Id, version, content)).Status);

        var stored = await app.LoadAsync(draft.Id);
        Assert.Equal(content.Title, stored.Title);
        Assert.Equal(content.Objectives, stored.Objectives);
        var html = await (await client.GetAsync($"/PreProposals/Edit/{draft.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        var list = await (await client.GetAsync("/Applicant")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(", list);
        Assert.DoesNotContain("<script>alert", list);
    }

    [Fact]
    public async Task Save_Partial_IsAccepted()
    {
        var draft = await app.DraftAsync(o => o.Filled = false);
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.Title = "只写了题目";

        var saved = await client.SaveAsync(draft.Id, version, content);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(0, saved.Body.GetProperty("narrativeCount").GetInt32());
        Assert.Equal("只写了题目", (await app.LoadAsync(draft.Id)).Title);
    }

    [Fact]
    public async Task Save_WithWhatCouldNeverBeRight_IsRefusedWithEveryCode_AndNothingStored()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        var otherCallDirection = await app.WithDbAsync(db => db.Calls.Where(c => c.Code == SeedCalls.Code2018).SelectMany(c => c.Directions).Select(d => d.Id.Value).FirstAsync());
        var jinghua = await app.WithDbAsync(db => db.Units.Where(u => u.SocialCreditCode == SeedRegistry.UniversityCode).Select(u => u.Id.Value).SingleAsync());
        var foreignUnit = content.Units[0];
        content.Title = new string('题', 201);
        content.DirectionId = otherCallDirection;
        content.PiMonthsPerYear = 13;
        content.DurationMonths = 0;
        content.RequestedBudget = 1.234m;
        content.Units = [foreignUnit, Guid.NewGuid(), jinghua, foreignUnit];
        content.KeyMembers = [content.PiPersonId!.Value, Guid.NewGuid()];
        content.ForeignMembers = [content.ForeignLead!.Value];

        var saved = await client.SaveAsync(draft.Id, version, content);

        Assert.Equal(HttpStatusCode.BadRequest, saved.Status);
        var errors = saved.Codes.Zip(saved.Fields).ToList();
        Assert.Contains(("DRAFT-TOO-LONG", "Title"), errors);
        Assert.Contains(("DRAFT-DIRECTION-NOT-IN-CALL", "DirectionId"), errors);
        Assert.Contains(("DRAFT-RANGE", "PiMonthsPerYear"), errors);
        Assert.Contains(("DRAFT-RANGE", "DurationMonths"), errors);
        Assert.Contains(("DRAFT-DECIMALS", "RequestedBudget"), errors);
        Assert.Contains(("DRAFT-UNIT-UNKNOWN", "Units[1]"), errors);
        Assert.Contains(("DRAFT-UNIT-IS-LEAD", "Units[2]"), errors);
        Assert.Contains(("DRAFT-UNIT-TWICE", "Units[3]"), errors);
        Assert.Contains(("DRAFT-PERSON-TWICE", "KeyMembers[0]"), errors);
        Assert.Contains(("DRAFT-PERSON-UNKNOWN", "KeyMembers[1]"), errors);
        Assert.Contains(("DRAFT-PERSON-TWICE", "ForeignMembers[0]"), errors);
        Assert.All(saved.Body.GetProperty("errors").EnumerateArray(), e => Assert.DoesNotContain("[[", e.GetProperty("message").GetString()));
        var stored = await app.LoadAsync(draft.Id);
        Assert.Equal(draft.Title, stored.Title);
        Assert.Equal(version, stored.Version);
    }

    [Fact]
    public async Task Save_TeamAndIndicatorAnswers_AreStoredInOrder()
    {
        var draft = await app.DraftAsync(o => o.Filled = false);
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var people = await app.WithDbAsync(db => db.People.AsNoTracking().ToListAsync());
        var units = await app.WithDbAsync(db => db.Units.AsNoTracking().ToListAsync());
        var (content, version) = await app.ContentAsync(draft.Id);
        var li = people.Single(p => p.Name == "李娜").Id.Value;
        var chen = people.Single(p => p.Name == "陈静").Id.Value;
        var hans = people.Single(p => p.DocumentNumber == "C01X00T47").Id.Value;
        var tanaka = people.Single(p => p.DocumentNumber == "TK1234567").Id.Value;
        var german = units.Single(u => u.ForeignRegistrationNumber == "VR-4711").Id.Value;
        var institute = units.Single(u => u.SocialCreditCode == SeedRegistry.InstituteCode).Id.Value;
        content.Units = [german, institute];
        content.KeyMembers = [chen, li];
        content.ForeignLead = hans;
        content.ForeignMembers = [tanaka];
        content.IndicatorAnswers = ["答一", "答二"];

        var saved = await client.SaveAsync(draft.Id, version, content);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var (back, _) = await app.ContentAsync(draft.Id);
        Assert.Equal([german, institute], back.Units);
        Assert.Equal([chen, li], back.KeyMembers);
        Assert.Equal(hans, back.ForeignLead);
        Assert.Equal([tanaka], back.ForeignMembers);
        Assert.Equal(["答一", "答二"], back.IndicatorAnswers);
        Assert.Equal(4, saved.Body.GetProperty("narrativeCount").GetInt32());

        // And again, replacing the lists (removed members are gone, not duplicated).
        back.KeyMembers = [li];
        back.ForeignMembers = [];
        back.IndicatorAnswers = ["", "答二改"];
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(draft.Id, saved.Version, back)).Status);
        var (again, _) = await app.ContentAsync(draft.Id);
        Assert.Equal([li], again.KeyMembers);
        Assert.Empty(again.ForeignMembers);
        Assert.Equal(["", "答二改"], again.IndicatorAnswers);
    }

    [Fact]
    public async Task Save_OfANonDraft_IsRefusedNotEditable_AndThePageLinksToTheView()
    {
        var draft = await app.DraftAsync(o => { o.WithAttachments = false; o.Configure = p => p.State = ApplicationState.Complete; });
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.Title = "改不了";

        var saved = await client.SaveAsync(draft.Id, version, content);

        Assert.Equal(HttpStatusCode.Forbidden, saved.Status);
        Assert.Equal(["APP-NOT-EDITABLE"], saved.Codes);
        Assert.Equal(draft.Title, (await app.LoadAsync(draft.Id)).Title);
        var html = await (await client.GetAsync($"/PreProposals/Edit/{draft.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"not-editable\"", html);
        Assert.Contains($"href=\"/PreProposals/View/{draft.Id}\"", html);
        Assert.DoesNotContain("id=\"draft-form\"", html);
    }

    [Fact]
    public async Task Edit_OfAnotherUnitsApplicant_Is404_OnPageAndSave()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var other = await app.SignedInAsync(DemoUsers.OtherApplicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.Title = "越权";

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/PreProposals/Edit/{draft.Id}")).StatusCode);
        // The token of a page the user may open: the save itself must answer 404.
        var ownDraft = await app.DraftAsync(o => { o.OwnerEmail = DemoUsers.OtherApplicant; o.Filled = false; });
        var token = await other.EditTokenAsync(ownDraft.Id);
        var saved = await other.SaveAsync(draft.Id, version, content, token);
        Assert.Equal(HttpStatusCode.NotFound, saved.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/PreProposals/Edit/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(draft.Title, (await app.LoadAsync(draft.Id)).Title);
    }

    [Fact]
    public async Task FormPost_WithAStaleVersion_ShowsBothVersions_AndKeepsWhatWasTyped()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.Objectives = "先保存的目标";
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(draft.Id, version, content)).Status);

        var response = await client.PostFormAsync($"/PreProposals/Edit/{draft.Id}", new Dictionary<string, string>
        {
            ["Version"] = version.ToString(),
            ["Input.Title"] = draft.Title,
            ["Input.DirectionId"] = content.DirectionId!.Value.ToString(),
            ["Input.Objectives"] = "表单里的目标 <b>粗</b>",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict\"", html);
        Assert.Contains("data-field=\"Objectives\"", html);
        Assert.Contains("表单里的目标 &lt;b&gt;粗&lt;/b&gt;</textarea>", html);
        Assert.Contains("先保存的目标", html);
        Assert.Equal("先保存的目标", (await app.LoadAsync(draft.Id)).Objectives);
        Assert.DoesNotContain("[[", html);
    }
}
