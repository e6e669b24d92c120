using System.Net;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.RulesData;

// The admin's pages: sanctions of a person and the guide-expert list of a call, through the real
// forms (antiforgery included).
public sealed class PageTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static Dictionary<string, string> SanctionForm(string startsOn, string endsOn, string reference, uint version = 0) => new()
    {
        ["Input.Kind"] = "ResearchMisconduct", ["Input.StartsOn"] = startsOn, ["Input.EndsOn"] = endsOn,
        ["Input.Reference"] = reference, ["Input.Note"] = "", ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Sanction_EndingBeforeItStarts_IsReshownWithTheErrorBesideTheField_ThenSaved_Audited()
    {
        var person = await app.PersonIdAsync(SeedRegistry.Rid("31010419571231345"));
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var url = $"/Registries/People/Sanctions/Edit/{person}";

        var bad = await admin.PostFormAsync(url, SanctionForm("2024-05-02", "2024-05-01", "国科监〔2024〕9号"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"EndsOn-error\"", html);
        Assert.Contains("SANCTION-ENDS-BEFORE-START", SubmissionKit.DataCodes(html));
        Assert.Contains("value=\"国科监〔2024〕9号\"", System.Net.WebUtility.HtmlDecode(html));

        var good = await admin.PostFormAsync(url, SanctionForm("2024-05-02", "", "国科监〔2024〕9号"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = await app.WithDbAsync(db => db.PersonSanctions.AsNoTracking().SingleAsync(s => s.PersonId == person));
        Assert.Equal((new DateOnly(2024, 5, 2), (DateOnly?)null, "国科监〔2024〕9号"), (stored.StartsOn, stored.EndsOn, stored.Reference));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PersonSanction" && a.EntityId == stored.Id.ToString())));
        var details = await (await admin.GetAsync($"/Registries/People/Details/{person}")).Content.ReadAsStringAsync();
        Assert.Contains($"data-sanction-id=\"{stored.Id}\" data-active=\"true\"", details);
    }

    [Fact]
    public async Task Sanction_StaleVersion_ShowsTheStoredValuesNextToTheUsers_AndSavesNothing()
    {
        var person = await app.PersonIdAsync(SeedRegistry.Rid("31011519860215456"));
        var sanction = new PersonSanction { PersonId = person, Kind = SanctionKind.CreditBlacklist, StartsOn = new(2023, 1, 1), Reference = "OLD-1" };
        await app.WithDbAsync(async db => { db.PersonSanctions.Add(sanction); await db.SaveChangesAsync(); });
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var url = $"/Registries/People/Sanctions/Edit/{person}/{sanction.Id}";

        var response = await admin.PostFormAsync(url, SanctionForm("2023-01-01", "2025-12-31", "MINE-1", version: 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict\"", html);
        Assert.Contains("data-stored=\"OLD-1\"", html);
        Assert.Contains("value=\"MINE-1\"", html);
        Assert.Equal("OLD-1", (await app.WithDbAsync(db => db.PersonSanctions.AsNoTracking().SingleAsync(s => s.Id == sanction.Id))).Reference);
    }

    [Fact]
    public async Task GuideExperts_SearchAddRemove_ThroughThePage()
    {
        var call = await app.DemoCallIdAsync();
        var person = await app.PersonIdAsync(SeedRegistry.Rid("11010819800101567"));
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var url = $"/Admin/Calls/GuideExperts/{call}";

        var search = await (await admin.GetAsync(url + "?q=陈静")).Content.ReadAsStringAsync();
        Assert.Contains($"<tr data-person-id=\"{person}\">", search);

        var added = await admin.PostFormAsync(url + "?handler=Add", new Dictionary<string, string> { ["personId"] = person.ToString(), ["addRole"] = "ConsultativeCommittee" }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var row = await app.WithDbAsync(db => db.GuideExperts.AsNoTracking().SingleAsync(g => g.CallId == new Domain.Common.CallId(call) && g.PersonId == person));
        Assert.Equal(GuideExpertRole.ConsultativeCommittee, row.Role);

        var twice = await admin.PostFormAsync(url + "?handler=Add", new Dictionary<string, string> { ["personId"] = person.ToString(), ["addRole"] = "GuideDrafting" }, url);
        Assert.Contains("GUIDE-EXPERT-ALREADY", SubmissionKit.DataCodes(await twice.Content.ReadAsStringAsync()));

        var removed = await admin.PostFormAsync(url + "?handler=Remove", new Dictionary<string, string> { ["personId"] = person.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.GuideExperts.AnyAsync(g => g.PersonId == person)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "GuideExpert" && a.Action == "Deleted")));
    }

    [Fact]
    public async Task GuideExperts_Import_AnUnknownNumberAddsNobody_AllKnownAreAdded()
    {
        var call = await app.WithDbAsync(db => db.Calls.Where(c => c.Code == SeedCalls.Code2018).Select(c => c.Id.Value).SingleAsync());
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var url = $"/Admin/Calls/GuideExperts/{call}";
        var known = SeedRegistry.Rid("31010119780909678");

        var bad = await admin.PostFormAsync(url + "?handler=Import", new Dictionary<string, string> { ["Numbers"] = $"证件号码\n{known}\nNOPE12345", ["Role"] = "GuideDrafting" }, url);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("GUIDE-EXPERT-IMPORT-UNKNOWN", SubmissionKit.DataCodes(html));
        Assert.Contains("NOPE12345", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.GuideExperts.CountAsync(g => g.CallId == new Domain.Common.CallId(call))));

        var good = await admin.PostFormAsync(url + "?handler=Import", new Dictionary<string, string> { ["Numbers"] = $"证件号码,姓名\n{known},杨帆\nTK1234567,田中", ["Role"] = "GuideDrafting" }, url);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.GuideExperts.CountAsync(g => g.CallId == new Domain.Common.CallId(call))));
    }

    [Fact]
    public async Task DraftEditor_ShowsTheClaimFieldsOnlyWithAForeignLead()
    {
        var with = await app.DraftAsync();
        var without = await app.DraftAsync(o => o.Configure = p => p.Members.RemoveAll(m => m.Role == Domain.Applications.MemberRole.ForeignLead));
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var shown = await (await pi.GetAsync($"/PreProposals/Edit/{with.Id}")).Content.ReadAsStringAsync();
        var hidden = await (await pi.GetAsync($"/PreProposals/Edit/{without.Id}")).Content.ReadAsStringAsync();

        Assert.Matches("<fieldset[^>]*id=\"foreign-lead-exception\"(?![^>]*hidden)[^>]*>", shown);
        Assert.Contains("name=\"Input.ForeignLeadStatement\"", shown);
        Assert.Matches("<fieldset[^>]*id=\"foreign-lead-exception\"[^>]*hidden[^>]*>", hidden);
        Assert.DoesNotContain("[[", shown);
    }
}
