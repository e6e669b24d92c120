using System.Security.Cryptography;
using System.Text;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Features.Registries.People.Sanctions;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Eligibility;

// Builds the input of the eligibility rules for one pre-proposal from the database: the units and
// people it references, the ongoing projects of those people (matched by identity document), the
// other submitted, not withdrawn applications of the call that share a person or the lead unit,
// and the current attachments. The rules themselves never query.
// EligibilityBatch builds the same input set-based for a whole call (the re-check): keep both in step.
public sealed class EligibilityInputLoader(AppDbContext db)
{

    // lockCounts: inside the submit transaction, take the advisory locks of every counted key
    // before the counts are read (see LockCountedKeysAsync). attachments: the proposal's attachment
    // rows when the caller has them already (the submission does); read here otherwise.
    // Round trips (each one counts on deadline day): the team's people, their units, the direction,
    // the attachments, the locks, the registry's ongoing projects, the registry rows of the same
    // identity documents with their sanctions and guide-expert marks, the other applications, and
    // the member list of the recommending unit.
    public async Task<EligibilityInput> LoadAsync(PreProposal p, GrantCall call, DateOnly submissionDay, UnitId? recommendingUnit,
        bool lockCounts, CancellationToken ct, IReadOnlyList<Attachment>? attachments = null)
    {
        var personIds = new[] { p.PiPersonId }.OfType<PersonId>().Concat(p.Members.Select(m => m.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(x => personIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);

        var unitIds = new[] { p.LeadUnitId }.Concat(p.Units.Select(u => u.UnitId)).Concat(new[] { recommendingUnit }.OfType<UnitId>()).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var direction = await db.Directions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == p.DirectionId, ct);

        var current = attachments is null
            ? await db.Attachments.AsNoTracking()
                .Where(a => a.ProposalId == p.Id && a.SupersededAt == null)
                .Select(a => new { a.Kind, a.SignedOn })
                .ToListAsync(ct)
            : [.. attachments.Where(a => a.SupersededAt == null).Select(a => new { a.Kind, a.SignedOn })];

        var keys = people.Values.Select(PersonKey.Of).ToHashSet();
        if (lockCounts) await LockCountedKeysAsync(call.Id, p, keys, ct);

        // Every document number in the forms it may be stored in; the type is compared below. The
        // types are in the query too, so that the (type, number) indexes of both tables are used.
        var numbers = people.Values.SelectMany(x => new[] { x.DocumentNumber, PersonKey.Normalize(x.DocumentNumber) }).Distinct().ToList();
        var types = keys.Select(k => k.Type).Distinct().ToList();
        var ongoing = numbers.Count == 0
            ? []
            : (await db.OngoingProjects.AsNoTracking().Where(o => types.Contains(o.DocumentType) && numbers.Contains(o.DocumentNumber)).OrderBy(o => o.Id).ToListAsync(ct))
                .Where(o => keys.Contains(PersonKey.Of(o)))
                .ToList();

        // The registry rows of the same people (the same identity document may sit on more than one
        // row), each with its sanctions (UNIT-INTEGRITY) and whether the call lists it among its
        // guide experts (GUIDE-EXPERT-BAR), in one query.
        var callId = call.Id;
        var rows = numbers.Count == 0
            ? []
            : (await db.People.AsNoTracking().Where(x => types.Contains(x.DocumentType) && numbers.Contains(x.DocumentNumber))
                .Select(x => new
                {
                    x.Id, x.DocumentType, x.DocumentNumber,
                    IsGuideExpert = db.GuideExperts.Any(g => g.CallId == callId && g.PersonId == x.Id),
                    Sanctions = db.PersonSanctions.Where(s => s.PersonId == x.Id).OrderBy(s => s.Id).ToList(),
                })
                .ToListAsync(ct))
                .Select(x => (x.Id, Key: new PersonKey(x.DocumentType, PersonKey.Normalize(x.DocumentNumber)), x.IsGuideExpert, x.Sanctions))
                .Where(x => keys.Contains(x.Key))
                .ToList();
        var samePeople = rows.ToDictionary(x => x.Id, x => x.Key);
        var others = await OtherApplicationsAsync(p, [.. samePeople.Keys], ct);

        // Members of other applications who are not on this team are left out: no rule asks about them.
        var otherApplications = others.Select(o => new OtherApplication(
            o.Id, o.LeadUnitId,
            o.PiPersonId is { } pi && samePeople.TryGetValue(pi, out var piKey) ? piKey : null,
            [.. o.Members.Where(m => samePeople.ContainsKey(m.PersonId)).Select(m => new OtherMember(samePeople[m.PersonId], m.Role))],
            o.RecommendingUnitId, o.Title)).ToList();

        // UNIT-INTEGRITY: the sanctions recorded on any registry row of the team's identity
        // documents, handed to the rule as sanctions of the team member holding that document.
        var teamByKey = people.Values.GroupBy(PersonKey.Of).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
        var sanctions = rows
            .SelectMany(r => r.Sanctions.SelectMany(s => teamByKey[r.Key].Select(id => SanctionRecords.For(s, id))))
            .ToList();

        return new EligibilityInput(
            call, submissionDay, p, units, people, ongoing, otherApplications,
            current.Select(a => a.Kind).ToHashSet(),
            current.Any(a => a.Kind == AttachmentKind.JointAgreement && a.SignedOn is not null),
            recommendingUnit, direction,
            rows.Where(r => r.IsGuideExpert).Select(r => r.Key).ToHashSet(),
            sanctions,
            await Registries.Units.Members.Memberships.MembersAsync(db, recommendingUnit, p.LeadUnitId, submissionDay, ct));
    }

    // GUIDE-EXPERT-BAR: the call's list, narrowed to the given identity documents.
    public static async Task<HashSet<PersonKey>> GuideExpertsAsync(AppDbContext db, CallId call, IReadOnlyCollection<string> numbers, IReadOnlySet<PersonKey> keys, CancellationToken ct)
    {
        if (numbers.Count == 0) return [];
        var rows = await db.GuideExperts.AsNoTracking().Where(g => g.CallId == call)
            .Join(db.People, g => g.PersonId, x => x.Id, (g, x) => new { x.DocumentType, x.DocumentNumber })
            .Where(x => numbers.Contains(x.DocumentNumber))
            .ToListAsync(ct);
        return [.. rows.Select(x => new PersonKey(x.DocumentType, PersonKey.Normalize(x.DocumentNumber))).Where(keys.Contains)];
    }

    // The other applications of the call the counting rules need: those a person of this team
    // takes part in (any registry row of the same identity document), and those of the same lead
    // unit with the same title key (UNIT-ONE-RECOMMENDER). One statement.
    private async Task<List<CountedApplication>> OtherApplicationsAsync(PreProposal p, List<PersonId> sameIds, CancellationToken ct)
    {
        var title = UnitOneRecommender.NormalizeTitle(p.Title);
        var ids = CountedApplications.Sharing(db, p.CallId, sameIds, [p.LeadUnitId], title.Length > 0 ? [title] : []);
        if (ids is null) return [];
        var self = p.Id;
        return await CountedApplications.ReadAsync(db.PreProposals.Where(x => ids.Contains(x.Id) && x.Id != self), ct);
    }

    // Race-proof counting (issue 5, point 5). PI-ONE-APPLICATION, KEY-MEMBER-LIMIT,
    // FOREIGN-MEMBER-LIMIT, FOREIGN-LEAD-ONE-PARTNER and UNIT-ONE-RECOMMENDER count the other
    // submitted applications of the call. Two submissions racing each other would each count
    // before the other commits, and both would pass. So, inside the submit transaction and before
    // the counts are read, we take a PostgreSQL transaction-scoped advisory lock on every counted
    // key of this application: (call, person) for the PI and every member, (call, lead unit, title)
    // for UNIT-ONE-RECOMMENDER. A racing submission sharing any key waits until the first commits
    // (the locks are released at commit or rollback), then reads with a fresh snapshot (READ
    // COMMITTED) and sees it: the loser gets the rule's finding. The keys are taken in ascending
    // order, so two transactions wanting overlapping sets cannot deadlock.
    private async Task LockCountedKeysAsync(CallId call, PreProposal p, IEnumerable<PersonKey> people, CancellationToken ct)
    {
        var names = people.Select(k => $"eligibility|{call}|person|{k.Type}|{k.Number}")
            .Append($"eligibility|{call}|lead-title|{p.LeadUnitId}|{UnitOneRecommender.NormalizeTitle(p.Title)}");
        // One round trip: unnest returns the keys in array order, and the locks are taken in that
        // (ascending) order, one after the other.
        var keys = names.Select(LockKey).Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(k) FROM unnest({keys}) AS k", ct);
    }

    private static long LockKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
}
