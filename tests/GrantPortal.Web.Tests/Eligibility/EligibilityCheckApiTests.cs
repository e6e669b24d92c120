using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Eligibility.Check;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Eligibility;

// Issue 5, point 8: POST /api/v1/calls/{callId}/eligibility-check checks a self-contained
// document and stores nothing.
public sealed class EligibilityCheckApiTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(Guid CallId, string Direction, int Indicators)> DemoCallAsync() =>
        await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Code == "DEMO-SIC");
            var d = await db.Directions.AsNoTracking().Where(x => x.CallId == call.Id).OrderBy(x => x.SortOrder).FirstAsync();
            return (call.Id.Value, d.Number, d.Indicators.Count);
        });

    internal static CheckDocument Document(string direction, int indicators, DateOnly piBorn) => new()
    {
        Title = "中德储能联合研究（文档检查）",
        DirectionNumber = direction,
        LeadUnit = "lead",
        ParticipatingUnits = ["foreign"],
        Units =
        [
            new() { Key = "lead", Name = "文档大学", Kind = UnitKind.University, SocialCreditCode = "12100000400000999X", RegistrationDate = new(1990, 1, 1), Province = "北京市" },
            new() { Key = "foreign", Name = "Doc University", Kind = UnitKind.ForeignUniversity, CountryCode = "DE", RegistrationDate = new(1900, 1, 1) },
        ],
        People =
        [
            new() { Key = "pi", Name = "文档负责人", DocumentType = IdentityDocumentType.Passport, DocumentNumber = "DOC-PI-0001", BirthDate = piBorn, Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Unit = "lead" },
            new() { Key = "hans", Name = "Hans Doc", DocumentType = IdentityDocumentType.Passport, DocumentNumber = "DOC-FL-0001", BirthDate = new(1975, 1, 1), Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Nationality = "DE", Unit = "foreign" },
        ],
        Pi = "pi",
        PiMonthsPerYear = 8,
        DurationMonths = 36,
        RequestedBudget = 500m,
        Members = [new() { Person = "hans", Role = MemberRole.ForeignLead }],
        Documents = [.. Enum.GetValues<AttachmentKind>().Where(k => k != AttachmentKind.Other).Select(k => new CheckDocumentPresent { Kind = k, SignedOn = new DateOnly(2026, 10, 1) })],
        Objectives = "目标。", Innovation = "创新。", TechnicalRoute = "路线。", ResearchBasis = "基础。",
        IndicatorAnswers = [.. Enumerable.Range(1, indicators).Select(i => (string?)$"指标 {i} 的方案。")],
        SubmissionDay = new DateOnly(2026, 11, 24),
    };

    private Task<int[]> CountsAsync() => app.WithDbAsync(async db => new[]
    {
        await db.PreProposals.CountAsync(), await db.People.CountAsync(), await db.Units.CountAsync(), await db.OngoingProjects.CountAsync(),
        await db.Transitions.CountAsync(), await db.AuditEntries.CountAsync(), await db.Attachments.CountAsync(), await db.Outbox.CountAsync(),
    });

    private static async Task<List<string>> RulesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!)];
    }

    [Fact]
    public async Task Check_PiBornOnTheEveOfTheCutoff_GetsPiAge_OnTheCutoff_DoesNot_AndNothingIsWritten()
    {
        var (callId, direction, indicators) = await DemoCallAsync();
        var client = await app.UserApiAsync(DemoUsers.Applicant);
        var before = await CountsAsync();

        var old = await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check?culture=en", Document(direction, indicators, new(1957, 12, 31)), Json);
        var young = await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", Document(direction, indicators, new(1958, 1, 1)), Json);

        var oldRules = await RulesAsync(old);
        Assert.Contains("PI-AGE", oldRules);
        var youngRules = await RulesAsync(young);
        Assert.DoesNotContain("PI-AGE", youngRules);
        Assert.DoesNotContain("DIRECTION-INDICATORS", youngRules);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Check_MissingIndicatorAnswer_GetsDirectionIndicators()
    {
        var (callId, direction, indicators) = await DemoCallAsync();
        var client = await app.UserApiAsync(DemoUsers.Applicant);
        var doc = Document(direction, indicators, new(1970, 1, 1)) with { IndicatorAnswers = [] };

        Assert.Contains("DIRECTION-INDICATORS", await RulesAsync(await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", doc, Json)));
    }

    [Fact]
    public async Task Check_ReferenceToAnUnknownPersonAndUnit_Answers400WithEveryError()
    {
        var (callId, direction, indicators) = await DemoCallAsync();
        var client = await app.UserApiAsync(DemoUsers.Applicant);
        var doc = Document(direction, indicators, new(1970, 1, 1)) with { Pi = "nobody", ParticipatingUnits = ["nowhere"] };

        var response = await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", doc, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains(("CHECK-PERSON-UNKNOWN", "pi"), errors);
        Assert.Contains(("CHECK-UNIT-UNKNOWN", "participatingUnits[0]"), errors);
    }

    [Fact]
    public async Task Check_UnknownCall_Answers404()
    {
        var client = await app.UserApiAsync(DemoUsers.Applicant);

        var response = await client.PostAsJsonAsync($"/api/v1/calls/{Guid.NewGuid()}/eligibility-check", Document("1", 0, new(1970, 1, 1)), Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Applicant)]
    [InlineData(DemoUsers.OtherApplicant)]
    [InlineData(DemoUsers.LeadUnitAdmin)]
    [InlineData(DemoUsers.Recommender)]
    [InlineData(DemoUsers.Staff)]
    [InlineData(DemoUsers.Expert)]
    [InlineData(DemoUsers.Admin)]
    public async Task Check_AnySignedInUser_Succeeds(string email)
    {
        var (callId, direction, indicators) = await DemoCallAsync();
        var client = await app.UserApiAsync(email);

        var response = await client.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", Document(direction, indicators, new(1970, 1, 1)), Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Check_ApiClient_Succeeds_Anonymous_Gets401()
    {
        var (callId, direction, indicators) = await DemoCallAsync();
        var doc = Document(direction, indicators, new(1970, 1, 1));
        var apiClient = await app.ApiClientAsync([Roles.ExchangeCenterStaff], null);

        Assert.Equal(HttpStatusCode.OK, (await apiClient.PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", doc, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/api/v1/calls/{callId}/eligibility-check", doc, Json)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesBothChecksWithRequestAndResponseExamples()
    {
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        var check = paths.GetProperty("/api/v1/calls/{callId}/eligibility-check").GetProperty("post");
        Assert.Equal("CheckApplicationDocument", check.GetProperty("operationId").GetString());
        Assert.Equal("jinghua", check.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("leadUnit").GetString());
        Assert.Equal("FOREIGN-COOPERATION-PROOF", check.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("findings")[0].GetProperty("ruleId").GetString());
        var stored = paths.GetProperty("/api/v1/applications/{id}/eligibility").GetProperty("get");
        Assert.Equal("GetApplicationEligibility", stored.GetProperty("operationId").GetString());
        Assert.Equal("PI-AGE", stored.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("findings")[0].GetProperty("ruleId").GetString());
    }
}
