using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Submit;

// Builds the canonical submitted content: names and identifiers resolved from the registries at
// the instant of submission (a later edit of the registry does not change what was submitted), the
// current attachments with their hashes. Full document numbers are kept: it is the applicant's own
// data, and the printed copy is checked against exactly these bytes.
public static class SnapshotBuilder
{
    // From the rows the eligibility check of the same transaction read (the team's people and
    // units, the direction); only the employers of people outside the team's units are read here.
    public static async Task<SubmittedSnapshot> BuildAsync(AppDbContext db, EligibilityInput input, UnitId recommendingUnit,
        string submissionNumber, DateTimeOffset now, string submittedBy, IReadOnlyList<Attachment> current, CancellationToken ct)
    {
        var (p, call) = (input.Proposal, input.Call);
        var direction = input.Direction ?? await db.Directions.AsNoTracking().SingleAsync(d => d.Id == p.DirectionId, ct);
        var people = input.People;
        var units = new Dictionary<UnitId, Unit>(input.Units);
        var missing = people.Values.Where(x => x.UnitId is { } u && !units.ContainsKey(u)).Select(x => x.UnitId!.Value)
            .Concat(new[] { p.LeadUnitId, recommendingUnit }.Where(u => !units.ContainsKey(u))).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var u in await db.Units.AsNoTracking().Where(u => missing.Contains(u.Id)).ToListAsync(ct)) units[u.Id] = u;
        }

        SnapshotUnit Unit(UnitId id)
        {
            var u = units[id];
            var identifier = u.IsForeign ? $"{u.CountryCode} {u.ForeignRegistrationNumber}".Trim() : u.SocialCreditCode ?? "";
            return new SnapshotUnit(u.Id.Value, u.Name, u.NameEn, identifier, u.IsForeign);
        }
        SnapshotPerson Person(PersonId id)
        {
            var x = people[id];
            return new SnapshotPerson(x.Id.Value, x.Name, x.NameEn, x.DocumentType.ToString(), x.DocumentNumber,
                x.UnitId is { } unit && units.TryGetValue(unit, out var u) ? u.Name : null);
        }

        return new SubmittedSnapshot(
            submissionNumber, now, call.Code, call.Title, direction.Number, direction.Title, p.Title,
            Unit(p.LeadUnitId), Person(p.PiPersonId!.Value), p.PiMonthsPerYear,
            [.. p.Units.OrderBy(u => u.SortOrder).Select(u => Unit(u.UnitId))],
            [.. p.Members.OrderBy(m => m.SortOrder).Select(m => new SnapshotMember(m.Role.ToString(), Person(m.PersonId)))],
            p.DurationMonths, p.RequestedBudget, p.MatchingFundsPercent,
            p.Objectives,
            [.. p.IndicatorAnswers.OrderBy(a => a.IndicatorIndex).Select(a => new SnapshotIndicator(
                a.IndicatorIndex + 1, a.IndicatorIndex < direction.Indicators.Count ? direction.Indicators[a.IndicatorIndex] : "", a.Answer))],
            p.Innovation, p.TechnicalRoute, p.ResearchBasis, p.NarrativeLength(),
            [.. current.OrderBy(a => a.Kind).ThenBy(a => a.UploadedAt).Select(a => new SnapshotAttachment(a.Kind.ToString(), a.FileName, a.SizeBytes, a.Sha256, a.SignedOn))],
            Unit(recommendingUnit), submittedBy,
            p.ForeignLeadPersonId is not null && p.ForeignLeadException is { } claim
                ? new SnapshotForeignLeadException(claim.ToString(), p.ForeignLeadStatement)
                : null);
    }
}
