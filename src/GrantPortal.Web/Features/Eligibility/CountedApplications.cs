using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Eligibility;

// What the counting rules (PI-ONE-APPLICATION, KEY-MEMBER-LIMIT, FOREIGN-MEMBER-LIMIT,
// FOREIGN-LEAD-ONE-PARTNER, UNIT-ONE-RECOMMENDER) read of another application of the call.
public sealed record CountedApplication(ProposalId Id, UnitId LeadUnitId, PersonId? PiPersonId, UnitId? RecommendingUnitId, string Title,
    List<(PersonId PersonId, MemberRole Role)> Members);

// The other applications the counting rules count, found and read the same way by the
// per-application loader (EligibilityInputLoader) and the set-based one (EligibilityBatch).
public static class CountedApplications
{
    // Submitted and not withdrawn: what counts in a call.
    public static readonly ApplicationState[] InCall = [.. Enum.GetValues<ApplicationState>().Where(s => s.IsInCall())];

    // The ids of the call's applications in which one of the given registry rows takes part (as PI
    // or member), or of one of the lead units with one of the title keys (UNIT-ONE-RECOMMENDER,
    // through the indexed TitleKey). Each kind through its own index, united: one WHERE with OR
    // over them scanned the whole call. Null when there is nothing to look for.
    public static IQueryable<ProposalId>? Sharing(AppDbContext db, CallId call, IReadOnlyCollection<PersonId> people,
        IReadOnlyCollection<UnitId> leadUnits, IReadOnlyCollection<string> titleKeys)
    {
        IQueryable<ProposalId>? ids = null;
        if (people.Count > 0)
        {
            var asPi = people.Select(id => (PersonId?)id).ToList();
            var asMember = people.ToList();
            ids = db.PreProposals.Where(x => x.CallId == call && asPi.Contains(x.PiPersonId)).Select(x => x.Id)
                .Union(db.PreProposals.Where(x => x.CallId == call && x.Members.Any(m => asMember.Contains(m.PersonId))).Select(x => x.Id));
        }
        if (leadUnits.Count > 0 && titleKeys.Count > 0)
        {
            var leads = leadUnits.ToList();
            var keys = titleKeys.ToList();
            var twins = db.PreProposals
                .Where(x => x.CallId == call && leads.Contains(x.LeadUnitId) && keys.Contains(EF.Property<string>(x, PreProposalConfiguration.TitleKey)))
                .Select(x => x.Id);
            ids = ids is null ? twins : ids.Union(twins);
        }
        return ids;
    }

    // The in-call applications of a query with what the counting rules read, in submission order.
    public static async Task<List<CountedApplication>> ReadAsync(IQueryable<PreProposal> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Where(x => InCall.Contains(x.State))
            .OrderBy(x => x.SubmittedAt).ThenBy(x => x.Id)
            .Select(x => new
            {
                x.Id, x.LeadUnitId, x.PiPersonId, x.RecommendingUnitId, x.Title,
                Members = x.Members.Select(m => new { m.PersonId, m.Role }).ToList(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(x => new CountedApplication(x.Id, x.LeadUnitId, x.PiPersonId, x.RecommendingUnitId, x.Title,
            [.. x.Members.Select(m => (m.PersonId, m.Role))]))];
    }
}
