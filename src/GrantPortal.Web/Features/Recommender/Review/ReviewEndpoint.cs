using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Features.PreProposals.View;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Recommender.Review;

public static class ReviewEndpoint
{
    public sealed record FindingItem(string Rule, string Code, string Severity, string? Field, string? Subject, string Message, IReadOnlyList<EvidenceDocument> Evidence);

    public sealed record ReviewResponse(ProposalView Proposal, uint Version, string State, bool Sent, DateTimeOffset Deadline, IReadOnlyList<FindingItem> Findings);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/applications/{id:guid}", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var proposalId = new ProposalId(id);
                if (await mediator.Send(new GetReview(proposalId), ct) is not { } review
                    || await mediator.Send(new GetProposalView(proposalId), ct) is not { } view)
                    return StateChangeProblems.For(l, Outcome.NotFound, StateChangeResult.NotFound.Errors);
                var findings = (await mediator.Send(new GetEligibility(proposalId), ct))?.Findings ?? [];
                return Results.Ok(new ReviewResponse(view, review.Version, review.State.ToString(), review.Sent, review.Deadline,
                    [.. findings.Select(f => new FindingItem(f.RuleId, f.Code, f.Severity.ToString(), f.Field, f.SubjectName, l.Error(f.ToError()),
                        f.Severity == Severity.Review ? [.. review.For(f.Field)] : []))]));
            })
            .RequireAuthorization(Policies.RecommenderOfficer)
            .WithName("GetRecommenderApplication")
            .WithSummary("One application addressed to the caller's unit: the whole pre-proposal, its history, its findings (review findings with their evidence documents) and the version to decide on")
            .Produces<ReviewResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
