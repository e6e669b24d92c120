using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.Extensions.Localization;

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
            .ProducesProblem(StatusCodes.Status404NotFound);
}
