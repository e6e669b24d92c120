using System.Text.Json.Nodes;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using static GrantPortal.Web.Features.Eligibility.EligibilityEndpoint;

namespace GrantPortal.Web.Features.Eligibility.Check;

// POST /api/v1/calls/{callId}/eligibility-check: the findings of a self-contained application
// document against the call's rule set, for any authenticated caller; nothing is stored.
public static class CheckEligibilityEndpoint
{
    public sealed record CheckDto(Guid CallId, DateOnly CheckedFor, bool Blocking, int OtherApplicationsCounted, IReadOnlyList<FindingDto> Findings);

    public static FindingDto Dto(Finding f, IStringLocalizer l) =>
        new(f.RuleId, f.Code, f.Severity.ToString(), f.SubjectKind.ToString(), f.SubjectId, f.SubjectName, f.Field, f.Args, l.Error(f.ToError()), null);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/calls/{callId:guid}/eligibility-check", async (Guid callId, CheckDocument body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new CheckEligibility(new CallId(callId), body), ct);
                if (!result.CallFound) return ApiProblem.Create(l, StatusCodes.Status404NotFound, "CHECK-CALL-NOT-FOUND", result.Errors);
                if (result.Errors.Count > 0) return ApiProblem.Create(l, StatusCodes.Status400BadRequest, "CHECK-INVALID", result.Errors);
                return Results.Ok(new CheckDto(callId, result.CheckedFor, result.HasBlocking, result.OtherApplicationsCounted,
                    [.. result.Findings.Select(f => Dto(f, l))]));
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Eligibility")
            .WithName("CheckApplicationDocument")
            .WithSummary("Checks a self-contained application document against the call's eligibility rules and returns every finding; nothing is stored")
            .WithDescription("Units and people are given inline, each with a `key` the document refers to (leadUnit, participatingUnits, recommendingUnit, pi, members[].person, people[].unit); they are not looked up. The call's rule set, dates and limits and the direction's indicators (by directionNumber) come from the platform; the counting rules also count the submitted, not withdrawn applications of the call that share a person (by identity document) or the lead unit (by social credit code). submissionDay defaults to today (Beijing time). 400 lists every reference that names nothing; 404 for an unknown call.")
            .Accepts<CheckDocument>("application/json")
            .Produces<CheckDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
                    media.Example = JsonNode.Parse(ExampleBody);
                ResponseExample(operation, ExampleResponse);
                return Task.CompletedTask;
            });

    public const string ExampleResponse = """
        {
          "callId": "7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e",
          "checkedFor": "2026-11-24",
          "blocking": false,
          "otherApplicationsCounted": 0,
          "findings": [
            {
              "ruleId": "FOREIGN-COOPERATION-PROOF", "code": "FOREIGN-COOPERATION-PROOF-REVIEW", "severity": "Review", "subjectKind": "Document",
              "subjectId": "CooperationProof", "subjectName": "CooperationProof", "field": "Attachments.CooperationProof",
              "args": { "kind": "CooperationProof" },
              "message": "合作基础证明材料将在形式审查中由中国科学技术交流中心审核（FOREIGN-COOPERATION-PROOF）。请确认附件能证明中外双方已有合作（联合专利、论文、项目等）。"
            }
          ]
        }
        """;

    public const string ExampleBody = """
        {
          "title": "新能源微电网关键技术国际合作研究",
          "directionNumber": "1",
          "leadUnit": "jinghua",
          "participatingUnits": ["darmstadt"],
          "recommendingUnit": "bjkw",
          "units": [
            { "key": "jinghua", "name": "京华大学", "kind": "University", "socialCreditCode": "12100000400000624D", "registrationDate": "1952-10-01", "province": "北京市" },
            { "key": "darmstadt", "name": "Technische Universität Darmstadt", "kind": "ForeignUniversity", "countryCode": "DE", "registrationDate": "1877-10-10" },
            { "key": "bjkw", "name": "北京市科学技术委员会", "kind": "ProvincialStDepartment", "province": "北京市" }
          ],
          "people": [
            { "key": "zhang", "name": "张伟", "documentType": "ResidentIdCard", "documentNumber": "110105197003071234", "birthDate": "1970-03-07", "title": "Senior", "degree": "Doctorate", "isCivilServant": false, "unit": "jinghua" },
            { "key": "li", "name": "李娜", "documentType": "ResidentIdCard", "documentNumber": "110105198505051236", "birthDate": "1985-05-05", "title": "AssociateSenior", "degree": "Doctorate", "unit": "jinghua" },
            { "key": "mueller", "name": "Hans Müller", "documentType": "Passport", "documentNumber": "C01X00T47", "birthDate": "1975-01-01", "title": "Senior", "degree": "Doctorate", "nationality": "DE", "unit": "darmstadt" }
          ],
          "pi": "zhang",
          "piMonthsPerYear": 8,
          "durationMonths": 36,
          "requestedBudget": 500.00,
          "members": [ { "person": "li", "role": "KeyMember" }, { "person": "mueller", "role": "ForeignLead" } ],
          "ongoingProjects": [
            { "programme": "NationalKeyRd", "projectCode": "2021YFE0100100", "documentType": "ResidentIdCard", "documentNumber": "110105198505051236", "personName": "李娜", "role": "KeyMember", "startsOn": "2021-07-01", "endsOn": "2025-06-30" }
          ],
          "documents": [
            { "kind": "JointAgreement", "signedOn": "2026-10-12" }, { "kind": "UnitIntegrity" }, { "kind": "PiIntegrity" },
            { "kind": "IpAgreement" }, { "kind": "CooperationProof" }, { "kind": "ForeignLeadAppointment" }
          ],
          "objectives": "研制兆瓦级储能示范样机，形成国际标准提案。",
          "innovation": "中德联合提出多时间尺度协调控制方法。",
          "technicalRoute": "理论建模、仿真验证、样机研制、示范应用。",
          "researchBasis": "双方已联合发表论文 12 篇。",
          "indicatorAnswers": ["第 1 项指标的实现方案。", "第 2 项指标的实现方案。"],
          "submissionDay": "2026-11-24"
        }
        """;
}
