using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Eligibility;

// The pre-check of a stored pre-proposal: every finding of the call's rules, recomputed now (review
// findings are not stored; they are recomputed wherever they are shown). Null when the proposal is
// not visible to the user (404).
public sealed record GetEligibility(ProposalId Id) : IRequest<EligibilityReport?>;

// CanFix: the viewer edits or submits the proposal (its PI, co-editors, lead-unit administrator);
// the recommending unit and the Exchange Center read the findings with their evidence instead.
public sealed record EligibilityReport(Guid ProposalId, DateOnly CheckedFor, IReadOnlyList<Finding> Findings, bool CanFix = true)
{
    public bool HasBlocking => Findings.Any(f => f.IsBlocking);

    // The link shown with a finding: where to fix it, or, for a reader, the document that is the
    // evidence (the attachments page lists and opens them); nothing for other fields.
    public string? LinkFor(Finding f) =>
        CanFix ? Href(ProposalId, f)
        : f.Field is { } field && field.StartsWith("Attachments.", StringComparison.Ordinal) ? Href(ProposalId, f) : null;

    // Where the user fixes a finding: the attachments page for a document, the submit page for the
    // recommending unit, the edit form otherwise.
    public static string? Href(Guid proposalId, Finding f) => f.Field switch
    {
        null => null,
        var field when field.StartsWith("Attachments.", StringComparison.Ordinal) => $"/PreProposals/Attachments/{proposalId}#{field["Attachments.".Length..]}",
        "RecommendingUnitId" => $"/PreProposals/Submit/{proposalId}#RecommendingUnitId",
        var field => $"/PreProposals/Edit/{proposalId}#{field}",
    };
}

public sealed class GetEligibilityHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetEligibility, EligibilityReport?>
{
    public async ValueTask<EligibilityReport?> Handle(GetEligibility request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null || !ProposalAccess.CanView(p, user)) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == p.CallId, ct);
        // A submitted one is checked as of its submission day; a draft as if submitted today.
        var day = BeijingTime.Today(p.SubmittedAt ?? clock.GetUtcNow());
        var input = await new EligibilityInputLoader(db).LoadAsync(p, call, day, p.RecommendingUnitId, lockCounts: false, ct);
        var canFix = ProposalAccess.IsEditor(p, user) || ProposalAccess.IsLeadUnitAdmin(p, user);
        return new EligibilityReport(p.Id.Value, day, RuleSet.Run(input), canFix);
    }
}
