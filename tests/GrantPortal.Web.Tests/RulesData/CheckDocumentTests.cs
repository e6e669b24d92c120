using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Eligibility.Check;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.RulesData;

// POST /api/v1/calls/{callId}/eligibility-check with the new fields: the foreign-lead exception
// claim, sanctions of the document's people, and the call's own guide-expert list.
public sealed class CheckDocumentTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(Guid CallId, CheckDocument Doc)> DocumentAsync(DateOnly foreignLeadBorn)
    {
        var (callId, direction, indicators) = await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Code == "DEMO-SIC");
            var d = await db.Directions.AsNoTracking().Where(x => x.CallId == call.Id).OrderBy(x => x.SortOrder).FirstAsync();
            return (call.Id.Value, d.Number, d.Indicators.Count);
        });
        return (callId, new CheckDocument
        {
            Title = "规则数据检查",
            DirectionNumber = direction,
            LeadUnit = "lead",
            ParticipatingUnits = ["foreign"],
            Units =
            [
                new() { Key = "lead", Name = "规则大学", Kind = UnitKind.University, SocialCreditCode = "12100000400000888X", RegistrationDate = new(1990, 1, 1), Province = "北京市" },
                new() { Key = "foreign", Name = "Rules University", Kind = UnitKind.ForeignUniversity, CountryCode = "DE", RegistrationDate = new(1900, 1, 1) },
            ],
            People =
            [
                new() { Key = "pi", Name = "规则负责人", DocumentType = IdentityDocumentType.Passport, DocumentNumber = "RD-PI-0001", BirthDate = new(1970, 1, 1), Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Unit = "lead" },
                new() { Key = "lead-foreign", Name = "Old Lead", DocumentType = IdentityDocumentType.Passport, DocumentNumber = "RD-FL-0001", BirthDate = foreignLeadBorn, Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Nationality = "DE", Unit = "foreign" },
            ],
            Pi = "pi",
            PiMonthsPerYear = 8,
            Members = [new() { Person = "lead-foreign", Role = MemberRole.ForeignLead }],
            Documents = [.. Enum.GetValues<AttachmentKind>().Where(k => k != AttachmentKind.Other).Select(k => new CheckDocumentPresent { Kind = k, SignedOn = new DateOnly(2026, 10, 1) })],
            Objectives = "目标。", Innovation = "创新。", TechnicalRoute = "路线。", ResearchBasis = "基础。",
            IndicatorAnswers = [.. Enumerable.Range(1, indicators).Select(i => (string?)$"指标 {i}。")],
            SubmissionDay = new DateOnly(2026, 11, 24),
        });
    }

    private async Task<IReadOnlyList<RulesDataKit.ApiFinding>> CheckAsync(Guid callId, CheckDocument doc)
    {
        var client = await app.UserApiAsync(DemoUsers.Applicant);
        var response = await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", doc, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RulesDataKit.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings"));
    }

    [Fact]
    public async Task OldForeignLead_WithoutClaim_Blocks_WithClaimAndStatement_IsReview()
    {
        var (callId, doc) = await DocumentAsync(new(1952, 12, 31));

        var without = Assert.Single(await CheckAsync(callId, doc), f => f.RuleId == "FOREIGN-LEAD-AGE");
        var with = Assert.Single(await CheckAsync(callId, doc with { ForeignLeadException = ForeignLeadException.FieldsMedalist, ForeignLeadStatement = "1998 年菲尔兹奖。" }),
            f => f.RuleId == "FOREIGN-LEAD-AGE");

        Assert.Equal(("Blocking", "FOREIGN-LEAD-AGE"), (without.Severity, without.Code));
        Assert.Equal(("Review", "FOREIGN-LEAD-AGE-EXCEPTION-FIELDSMEDALIST", "1998 年菲尔兹奖。"), (with.Severity, with.Code, with.Args["statement"]));
    }

    [Fact]
    public async Task ClaimAsJsonString_IsRead()
    {
        var (callId, doc) = await DocumentAsync(new(1940, 1, 1));
        var json = JsonSerializer.SerializeToNode(doc, Json)!.AsObject();
        json["foreignLeadException"] = "NobelLaureate";
        json["foreignLeadStatement"] = "说明";
        var client = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var f = Assert.Single(RulesDataKit.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings")), f => f.RuleId == "FOREIGN-LEAD-AGE");
        Assert.Equal("FOREIGN-LEAD-AGE-EXCEPTION-NOBELLAUREATE", f.Code);
    }

    [Theory]
    [InlineData("2026-11-23", false)]
    [InlineData("2026-11-24", true)]
    public async Task PersonWithASanction_ActiveOnTheSubmissionDay_IsBarred(string endsOn, bool barred)
    {
        var (callId, doc) = await DocumentAsync(new(1975, 1, 1));
        doc.People[0] = doc.People[0] with { Sanctions = [new() { Kind = SanctionKind.CreditBlacklist, StartsOn = new(2020, 1, 1), EndsOn = DateOnly.Parse(endsOn), Reference = "X-1" }] };

        var findings = await CheckAsync(callId, doc);

        Assert.Equal(barred, findings.Any(f => f is { RuleId: "UNIT-INTEGRITY", Code: "UNIT-INTEGRITY-PERSON", Field: "PiPersonId" }));
    }

    [Fact]
    public async Task SanctionEndingBeforeItStarts_Answers400()
    {
        var (callId, doc) = await DocumentAsync(new(1975, 1, 1));
        doc.People[1] = doc.People[1] with { Sanctions = [new() { StartsOn = new(2020, 1, 2), EndsOn = new(2020, 1, 1) }] };
        var client = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", doc, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains(("SANCTION-ENDS-BEFORE-START", "people[1].sanctions[0].endsOn"), errors);
    }

    [Fact]
    public async Task PersonOnTheCallsGuideExpertList_IsBarred_ByIdentityDocument()
    {
        var (callId, doc) = await DocumentAsync(new(1975, 1, 1));
        Assert.DoesNotContain(await CheckAsync(callId, doc), f => f.RuleId == "GUIDE-EXPERT-BAR");
        // 杨帆, the demo call's seeded guide-drafting expert, under another name in the document.
        doc.People.Add(new() { Key = "expert", Name = "Y. Fan", DocumentType = IdentityDocumentType.ResidentIdCard, DocumentNumber = RulesDataKit.SeededGuideExpert, BirthDate = new(1978, 9, 9), Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Unit = "lead" });
        doc.Members.Add(new() { Person = "expert", Role = MemberRole.KeyMember });

        var bar = Assert.Single(await CheckAsync(callId, doc), f => f.RuleId == "GUIDE-EXPERT-BAR");
        Assert.Equal(("Blocking", "Members"), (bar.Severity, bar.Field));
    }
}
