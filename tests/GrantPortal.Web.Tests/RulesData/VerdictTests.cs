using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Tests.Drafts;
using GrantPortal.Web.Tests.Eligibility;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.RulesData;

// A stored application's verdict follows the data behind FOREIGN-LEAD-AGE (the claim),
// GUIDE-EXPERT-BAR (the call's list) and UNIT-INTEGRITY (sanctions of people), on the real database.
public sealed class VerdictTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task OldForeignLead_WithoutClaim_Blocks_ClaimSavedThroughTheEditor_TurnsItIntoReview()
    {
        var p = await app.DraftAsync(o => o.Configure = app.WithOldForeignLeadAsync().Result);
        var before = Assert.Single(await app.FindingsAsync(p.Id), f => f.RuleId == "FOREIGN-LEAD-AGE");
        Assert.Equal(("Blocking", "FOREIGN-LEAD-AGE", "ForeignLeadException"), (before.Severity, before.Code, before.Field));

        var pi = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(p.Id);
        content.ForeignLeadException = ForeignLeadException.PartnerAcademician;
        content.ForeignLeadStatement = "日本学士院院士，附院士证书及专门说明。";
        var saved = await pi.SaveAsync(p.Id, version, content);
        Assert.Equal(HttpStatusCode.OK, saved.Status);

        var after = Assert.Single(await app.FindingsAsync(p.Id), f => f.RuleId == "FOREIGN-LEAD-AGE");
        Assert.Equal(("Review", "FOREIGN-LEAD-AGE-EXCEPTION-PARTNERACADEMICIAN"), (after.Severity, after.Code));
        Assert.Equal(("PartnerAcademician", "日本学士院院士，附院士证书及专门说明。"), (after.Args["exception"], after.Args["statement"]));
        var stored = await app.LoadAsync(p.Id);
        Assert.Equal((ForeignLeadException.PartnerAcademician, "日本学士院院士，附院士证书及专门说明。"), (stored.ForeignLeadException, stored.ForeignLeadStatement));
    }

    [Fact]
    public async Task ClaimWithoutStatement_StillBlocks_WithTheStatementCode()
    {
        var p = await app.DraftAsync(o => o.Configure = app.WithOldForeignLeadAsync(ForeignLeadException.KeyPerson).Result);
        var f = Assert.Single(await app.FindingsAsync(p.Id), f => f.RuleId == "FOREIGN-LEAD-AGE");
        Assert.Equal(("Blocking", "FOREIGN-LEAD-AGE-STATEMENT", "ForeignLeadStatement"), (f.Severity, f.Code, f.Field));
    }

    [Fact]
    public async Task Submit_WithClaim_GoesThrough_AndTheSnapshotAndPrintedCopyCarryTheClaim()
    {
        var configure = await app.WithOldForeignLeadAsync(ForeignLeadException.NobelLaureate, "2001 年诺贝尔物理学奖获得者。");
        var p = await app.SubmitAloneAsync(o => o.Configure = configure);

        var stored = await app.LoadAsync(p.Id);
        Assert.Equal(ApplicationState.Submitted, stored.State);
        using var snapshot = JsonDocument.Parse(stored.SubmittedContent!);
        var claim = snapshot.RootElement.GetProperty("foreignLeadException");
        Assert.Equal(("NobelLaureate", "2001 年诺贝尔物理学奖获得者。"), (claim.GetProperty("kind").GetString(), claim.GetProperty("statement").GetString()));
        var review = Assert.Single(await app.FindingsAsync(p.Id), f => f.RuleId == "FOREIGN-LEAD-AGE");
        Assert.Equal("Review", review.Severity);

        var pdf = await (await app.UserApiAsync(DemoUsers.Applicant)).GetAsync($"/api/v1/pre-proposals/{p.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var body = GrantPortal.Web.Tests.Printing.PdfText.Body(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(GrantPortal.Web.Tests.Printing.PdfText.Normalize("诺贝尔奖获得者"), body);
        Assert.Contains(GrantPortal.Web.Tests.Printing.PdfText.Normalize("2001 年诺贝尔物理学奖获得者。"), body);
    }

    [Fact]
    public async Task Submit_OldForeignLeadWithoutClaim_IsRefusedWithForeignLeadAge()
    {
        var configure = await app.WithOldForeignLeadAsync();
        await app.OpenWindowWithAllRulesAsync();
        var p = await app.CompleteAsync(o => o.Configure = configure);
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("FOREIGN-LEAD-AGE", await response.ErrorCodesAsync());
        Assert.Equal(ApplicationState.Complete, (await app.LoadAsync(p.Id)).State);
    }

    [Fact]
    public async Task GuideExpertAddedWhoIsOnTheTeam_BlocksTheStoredApplication_RemovedAgain_DoesNot()
    {
        var p = await app.SubmitAloneAsync();
        Assert.DoesNotContain(await app.FindingsAsync(p.Id), f => f.RuleId == "GUIDE-EXPERT-BAR");
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var call = await app.DemoCallIdAsync();
        var member = p.KeyMember();

        var added = await admin.PostAsJsonAsync($"/api/v1/calls/{call}/guide-experts", new { personId = member.Value, role = "ConsultativeCommittee" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var bar = Assert.Single(await app.FindingsAsync(p.Id), f => f.RuleId == "GUIDE-EXPERT-BAR");
        Assert.Equal(("Blocking", member.ToString(), "Members"), (bar.Severity, bar.SubjectId, bar.Field));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "GuideExpert" && a.Action == "Added")));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calls/{call}/guide-experts/{member}")).StatusCode);
        Assert.DoesNotContain(await app.FindingsAsync(p.Id), f => f.RuleId == "GUIDE-EXPERT-BAR");
    }

    [Fact]
    public async Task GuideExpertOfAnotherCall_DoesNotBarThisCall()
    {
        var p = await app.SubmitAloneAsync();
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var other = await app.WithDbAsync(db => db.Calls.Where(c => c.Code == GrantPortal.Web.Infrastructure.Seed.SeedCalls.Code2018).Select(c => c.Id.Value).SingleAsync());

        var added = await admin.PostAsJsonAsync($"/api/v1/calls/{other}/guide-experts", new { personId = p.KeyMember().Value, role = "GuideDrafting" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.DoesNotContain(await app.FindingsAsync(p.Id), f => f.RuleId == "GUIDE-EXPERT-BAR");
    }

    [Theory]
    [InlineData("2026-11-23", false)] // ended the day before the submission (check) day
    [InlineData("2026-11-24", true)]  // ends on the check day
    [InlineData(null, true)]          // open-ended
    public async Task SanctionOfAMember_ActiveOnTheCheckDay_Blocks_AndTellsOnlyWhomToReplace(string? endsOn, bool blocks)
    {
        var p = await app.SubmitAloneAsync();
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var member = p.KeyMember();

        var created = await admin.PostAsJsonAsync($"/api/v1/people/{member}/sanctions",
            new { kind = "ResearchMisconduct", startsOn = "2024-01-01", endsOn, reference = "国科监字〔2024〕7号" }, Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var findings = (await app.FindingsAsync(p.Id)).Where(f => f.RuleId == "UNIT-INTEGRITY").ToList();
        if (!blocks)
        {
            Assert.Empty(findings);
            return;
        }
        var f = Assert.Single(findings);
        Assert.Equal(("Blocking", "UNIT-INTEGRITY-PERSON", member.ToString()), (f.Severity, f.Code, f.SubjectId));
        Assert.Equal(["person"], f.Args.Keys.ToList());
    }

    [Fact]
    public async Task SanctionStartingTheDayAfterTheCheckDay_DoesNotBlock_MovedToTheCheckDay_Blocks()
    {
        var p = await app.SubmitAloneAsync();
        var admin = await app.UserApiAsync(DemoUsers.Admin);
        var pi = p.PiPersonId!.Value;
        var created = await admin.PostAsJsonAsync($"/api/v1/people/{pi}/sanctions", new { kind = "CreditBlacklist", startsOn = "2026-11-25", reference = "黑名单-001" }, Json);
        var sanction = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(await app.FindingsAsync(p.Id), f => f.RuleId == "UNIT-INTEGRITY");

        var moved = await admin.PutAsJsonAsync($"/api/v1/people/{pi}/sanctions/{sanction.GetProperty("id").GetGuid()}",
            new { kind = "CreditBlacklist", startsOn = "2026-11-24", reference = "黑名单-001", version = sanction.GetProperty("version").GetUInt32() }, Json);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var f = Assert.Single(await app.FindingsAsync(p.Id), f => f.RuleId == "UNIT-INTEGRITY");
        Assert.Equal(("PiPersonId", pi.ToString()), (f.Field, f.SubjectId));
    }

    [Fact]
    public async Task DraftApi_ClaimRoundTrips_AndATooLongStatementIsRefused()
    {
        var p = await app.DraftAsync();
        var api = await app.BearerAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(p.Id);
        content.ForeignLeadException = ForeignLeadException.TuringLaureate;
        content.ForeignLeadStatement = new string('长', 2001);

        var tooLong = await api.SendAsync(Put(p.Id, content, version));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var error = (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(("DRAFT-TOO-LONG", "foreignLeadStatement"), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));

        content.ForeignLeadStatement = "图灵奖获得者。";
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(Put(p.Id, content, version))).StatusCode);
        var read = await (await api.GetAsync($"/api/v1/pre-proposals/{p.Id}")).Content.ReadFromJsonAsync<JsonElement>();
        var c = read.GetProperty("content");
        Assert.Equal(("TuringLaureate", "图灵奖获得者。"), (c.GetProperty("foreignLeadException").GetString(), c.GetProperty("foreignLeadStatement").GetString()));
    }

    private static HttpRequestMessage Put(GrantPortal.Domain.Common.ProposalId id, GrantPortal.Web.Features.PreProposals.Edit.DraftInput body, uint version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/pre-proposals/{id}") { Content = JsonContent.Create(body, options: DraftKit.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return request;
    }
}
