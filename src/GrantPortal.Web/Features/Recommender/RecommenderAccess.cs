using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender;

// The recommending unit's resource check (STYLE.md "Authorization"): an officer acts only on what
// was addressed to its own unit, once submitted (ProposalAccess.VisibleTo is the same rule for
// reading). Anything else answers 404: an officer of another unit learns nothing of it.
public static class RecommenderAccess
{
    public static IQueryable<PreProposal> AddressedTo(this IQueryable<PreProposal> proposals, ICurrentUser user)
    {
        if (!user.IsInRole(Roles.RecommenderOfficer) || user.UnitId is not { } unit) return proposals.Where(_ => false);
        return proposals.VisibleTo(user).Where(p => p.RecommendingUnitId == unit);
    }

    public static bool IsAddressedTo(PreProposal p, ICurrentUser user) =>
        user.IsInRole(Roles.RecommenderOfficer) && user.UnitId is { } unit && p.RecommendingUnitId == unit && ProposalAccess.CanView(p, user);

    // Sent to the Exchange Center: this submission went in a batch (Recommendation.MarkSent sets
    // SentAt; a new submission after a return clears it).
    public static bool IsSent(PreProposal p) => p.SentAt is not null;
}
