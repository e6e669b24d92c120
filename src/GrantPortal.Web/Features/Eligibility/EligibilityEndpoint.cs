using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.OpenApi;

namespace GrantPortal.Web.Features.Eligibility;

// GET /api/v1/applications/{id}/eligibility: the findings of a stored application, for whoever may
// see it (ProposalAccess; 404 otherwise). Nothing is stored.
public static class EligibilityEndpoint
{
    public sealed record FindingDto(string RuleId, string Code, string Severity, string SubjectKind, string? SubjectId, string? SubjectName,
        string? Field, IReadOnlyDictionary<string, string> Args, string Message, string? Href);

    public sealed record EligibilityDto(Guid ProposalId, DateOnly CheckedFor, bool Blocking, IReadOnlyList<FindingDto> Findings);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/applications/{id:guid}/eligibility", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                if (await mediator.Send(new GetEligibility(new ProposalId(id)), ct) is not { } report)
                    return ApiProblem.Create(l, StatusCodes.Status404NotFound, "Submission.Problem.NotFound", []);
                return Results.Ok(new EligibilityDto(report.ProposalId, report.CheckedFor, report.HasBlocking,
                    [.. report.Findings.Select(f => new FindingDto(f.RuleId, f.Code, f.Severity.ToString(), f.SubjectKind.ToString(), f.SubjectId, f.SubjectName,
                        f.Field, f.Args, l.Error(f.ToError()), report.LinkFor(f)))]));
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Eligibility")
            .WithName("GetApplicationEligibility")
            .WithSummary("Checks a stored application against its call's eligibility rules and returns every finding (blocking and review); nothing is stored")
            .Produces<EligibilityDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                ResponseExample(operation, ExampleResponse);
                return Task.CompletedTask;
            });

    public static void ResponseExample(Microsoft.OpenApi.OpenApiOperation operation, string json)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true)
            media.Example = System.Text.Json.Nodes.JsonNode.Parse(json);
    }

    // One blocking finding (with the link to fix it) and one review finding (with the evidence).
    public const string ExampleResponse = """
        {
          "proposalId": "0b6f3c52-6a1e-4d55-9a57-1f0e2f7c9a10",
          "checkedFor": "2026-11-24",
          "blocking": true,
          "findings": [
            {
              "ruleId": "PI-AGE", "code": "PI-AGE", "severity": "Blocking", "subjectKind": "Person",
              "subjectId": "5d8e4a77-2c1b-4f0a-8d3e-6b9c1a2f4e51", "subjectName": "张伟", "field": "PiPersonId",
              "args": { "person": "张伟", "born": "1957-12-31", "date": "1958-01-01" },
              "message": "项目负责人张伟出生于 1957-12-31，须在 1958-01-01 以后出生（PI-AGE）。请更换项目负责人。",
              "href": "/PreProposals/Edit/0b6f3c52-6a1e-4d55-9a57-1f0e2f7c9a10#PiPersonId"
            },
            {
              "ruleId": "FOREIGN-COOPERATION-PROOF", "code": "FOREIGN-COOPERATION-PROOF-REVIEW", "severity": "Review", "subjectKind": "Document",
              "subjectId": "CooperationProof", "subjectName": "CooperationProof", "field": "Attachments.CooperationProof",
              "args": { "kind": "CooperationProof" },
              "message": "合作基础证明材料将在形式审查中由中国科学技术交流中心审核（FOREIGN-COOPERATION-PROOF）。请确认附件能证明中外双方已有合作（联合专利、论文、项目等）。",
              "href": "/PreProposals/Attachments/0b6f3c52-6a1e-4d55-9a57-1f0e2f7c9a10#CooperationProof"
            }
          ]
        }
        """;
}
