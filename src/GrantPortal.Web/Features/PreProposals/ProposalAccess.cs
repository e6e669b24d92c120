using GrantPortal.Domain.Applications;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;

namespace GrantPortal.Web.Features.PreProposals;

// Who may see and do what with a pre-proposal: the resource check every handler makes after the
// role policy at the edge. A proposal the user may not see is answered 404 (its id leaks nothing).
// Lists use VisibleTo, the same rule as a query, so that they are filtered in the database.
public static class ProposalAccess
{
    // States are stored as text, so a list rather than a comparison of enum values.
    private static readonly ApplicationState[] ExchangeCenterStates =
    [
        ApplicationState.Endorsed, ApplicationState.Accepted, ApplicationState.FormalReviewFailed, ApplicationState.Shortlisted,
        ApplicationState.NotShortlisted, ApplicationState.Funded, ApplicationState.NotFunded,
    ];

    public static IQueryable<PreProposal> VisibleTo(this IQueryable<PreProposal> proposals, ICurrentUser user)
    {
        var userId = user.UserId ?? Guid.Empty;
        var unit = user.UnitId;
        var leadAdmin = user.IsInRole(Roles.LeadUnitAdmin) && unit is not null;
        var recommender = user.IsInRole(Roles.RecommenderOfficer) && unit is not null;
        var staff = user.IsInRole(Roles.ExchangeCenterStaff);
        return proposals.Where(p =>
            p.OwnerUserId == userId
            || p.CoEditors.Any(c => c.UserId == userId)
            || (leadAdmin && p.LeadUnitId == unit!.Value)
            // A recommending unit sees only what was addressed to it, once submitted.
            || (recommender && p.RecommendingUnitId == unit && p.State != ApplicationState.Draft && p.State != ApplicationState.Complete)
            // The Exchange Center sees what a recommending unit SENT (in a batch): an endorsed
            // application not sent yet is still the recommending unit's business.
            || (staff && p.SentAt != null && ExchangeCenterStates.Contains(p.State)));
    }

    // The same rule as VisibleTo, on one loaded proposal. Written out rather than run through
    // AsQueryable(): an in-memory IQueryable compiles its expression tree on every call, which cost
    // milliseconds of CPU on every submission (deadline benchmark). ProposalAccessTests checks that
    // both agree for every role, relation and state.
    public static bool CanView(PreProposal p, ICurrentUser user)
    {
        var userId = user.UserId ?? Guid.Empty;
        var unit = user.UnitId;
        return p.OwnerUserId == userId
            || p.CoEditors.Any(c => c.UserId == userId)
            || (user.IsInRole(Roles.LeadUnitAdmin) && unit is not null && p.LeadUnitId == unit.Value)
            || (user.IsInRole(Roles.RecommenderOfficer) && unit is not null && p.RecommendingUnitId == unit
                && p.State != ApplicationState.Draft && p.State != ApplicationState.Complete)
            || (user.IsInRole(Roles.ExchangeCenterStaff) && p.SentAt != null && ExchangeCenterStates.Contains(p.State));
    }

    // The PI (owner) and the co-editors it invited edit the content while it is a draft.
    public static bool CanEdit(PreProposal p, ICurrentUser user) =>
        IsEditor(p, user) && p.State == ApplicationState.Draft;

    public static bool IsEditor(PreProposal p, ICurrentUser user) =>
        user.UserId is { } id && (p.OwnerUserId == id || p.CoEditors.Any(c => c.UserId == id));

    // Only the PI marks complete, reopens, and invites co-editors.
    public static bool IsOwner(PreProposal p, ICurrentUser user) => user.UserId is { } id && p.OwnerUserId == id;

    // The lead-unit administrator of the lead unit submits and withdraws.
    public static bool IsLeadUnitAdmin(PreProposal p, ICurrentUser user) =>
        user.IsInRole(Roles.LeadUnitAdmin) && user.UnitId == p.LeadUnitId;
}
