using System.Globalization;
using System.Text.Json.Nodes;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Edit;

// GET and PUT /api/v1/pre-proposals/{id}: the draft with `ETag: "<version>"`; PUT sends the same
// SaveDraft command as the edit page, on the version named by If-Match (optimistic concurrency:
// missing → 428, stale → 412 with the stored content, never last-write-wins).
public static class SaveDraftEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                if (await mediator.Send(new GetDraft(new ProposalId(id)), ct) is not { } view) return NotFound(l);
                http.Response.Headers.ETag = ETag(view.Version);
                return Results.Ok(view);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("GetPreProposal")
            .WithSummary("One pre-proposal the caller may see, with its ETag")
            .WithDescription("The ETag is the draft's version; send it back in If-Match to update the draft. Answers 404 for a pre-proposal that does not exist or that the caller may not see.")
            .Produces<DraftView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (Guid id, DraftInput body, HttpContext http, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                if (IfMatch(http.Request) is not { } version)
                    return ApiProblem.Create(l, StatusCodes.Status428PreconditionRequired, "DRAFT-IF-MATCH-REQUIRED", [Error.For("DRAFT-IF-MATCH-REQUIRED")]);
                var result = await mediator.Send(new SaveDraft(new ProposalId(id), version, body), ct);
                switch (result.Status)
                {
                    case SaveDraftStatus.Saved:
                        http.Response.Headers.ETag = ETag(result.Version);
                        return Results.Ok(new SavedDraft(id, result.Version, result.NarrativeCount, result.SavedAt!.Value));
                    case SaveDraftStatus.Conflict:
                        http.Response.Headers.ETag = ETag(result.Current!.Version);
                        return ApiProblem.Create(l, StatusCodes.Status412PreconditionFailed, "DRAFT-CONFLICT", result.Errors, new Dictionary<string, object?> { ["current"] = result.Current });
                    case SaveDraftStatus.NotFound:
                        return NotFound(l);
                    case SaveDraftStatus.NotEditable:
                        return ApiProblem.Create(l, StatusCodes.Status403Forbidden, "APP-NOT-EDITABLE", result.Errors);
                    default:
                        return ApiProblem.Create(l, StatusCodes.Status400BadRequest, "DRAFT-INVALID", result.Errors);
                }
            })
            .RequireAuthorization(Policies.Applicant)
            .WithName("UpdatePreProposal")
            .WithSummary("Save the whole content of a draft (the PI or a co-editor)")
            .WithDescription("Send every field (a draft may be partial) and `If-Match: \"<version>\"` from the last GET or PUT. 428 without If-Match; 412 when the draft changed since, with the stored draft in `current`; 403 APP-NOT-EDITABLE once the draft is no longer a draft; 400 lists every error with its code and field. The answer carries the server's PRE-LENGTH count of the narrative.")
            .Accepts<DraftInput>("application/json")
            .Produces<SavedDraft>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
                    media.Example = JsonNode.Parse(ExampleBody);
                return Task.CompletedTask;
            });
    }

    public sealed record SavedDraft(Guid Id, uint Version, int NarrativeCount, DateTimeOffset SavedAt);

    public const string ExampleBody = """
        {
          "title": "新能源微电网关键技术国际合作研究",
          "directionId": "0193a5a0-0000-7000-8000-000000000001",
          "piPersonId": "0193a5a0-0000-7000-8000-000000000002",
          "piMonthsPerYear": 8,
          "durationMonths": 36,
          "requestedBudget": 500.00,
          "matchingFundsPercent": null,
          "units": ["0193a5a0-0000-7000-8000-000000000003"],
          "keyMembers": ["0193a5a0-0000-7000-8000-000000000004"],
          "foreignLead": "0193a5a0-0000-7000-8000-000000000005",
          "foreignMembers": [],
          "objectives": "研制兆瓦级储能示范样机，形成国际标准提案。",
          "innovation": "中德联合提出多时间尺度协调控制方法。",
          "technicalRoute": "理论建模、仿真验证、样机研制、示范应用。",
          "researchBasis": "双方已联合发表论文 12 篇。",
          "indicatorAnswers": ["第 1 项指标的实现方案。", "第 2 项指标的实现方案。"]
        }
        """;

    public static string ETag(uint version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    // If-Match: "123" (a weak W/"123" is read the same; "*" names no version and is refused).
    public static uint? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static IResult NotFound(IStringLocalizer l) =>
        ApiProblem.Create(l, StatusCodes.Status404NotFound, "DRAFT-NOT-FOUND", [Error.For("DRAFT-NOT-FOUND")]);
}
