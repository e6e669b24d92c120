using System.Security.Cryptography;
using System.Text;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Eligibility;

// Builds the input of the eligibility rules for one pre-proposal from the database: the units and
// people it references, the ongoing projects of those people (matched by identity document), the
// other submitted, not withdrawn applications of the call that share a person or the lead unit,
// and the current attachments. The rules themselves never query.
public sealed class EligibilityInputLoader(AppDbContext db)
{
    private static readonly ApplicationState[] InCall =
        [.. Enum.GetValues<ApplicationState>().Where(s => s.IsInCall())];

    // lockCounts: inside the submit transaction, take the advisory locks of every counted key
    // before the counts are read (see LockCountedKeysAsync).
    public async Task<EligibilityInput> LoadAsync(PreProposal p, GrantCall call, DateOnly submissionDay, UnitId? recommendingUnit,
        bool lockCounts, CancellationToken ct)
    {
        var personIds = new[] { p.PiPersonId }.OfType<PersonId>().Concat(p.Members.Select(m => m.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(x => personIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);

        var unitIds = new[] { p.LeadUnitId }.Concat(p.Units.Select(u => u.UnitId)).Concat(new[] { recommendingUnit }.OfType<UnitId>()).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var direction = await db.Directions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == p.DirectionId, ct);

        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.ProposalId == p.Id && a.SupersededAt == null)
            .Select(a => new { a.Kind, a.SignedOn })
            .ToListAsync(ct);

        var keys = people.Values.Select(PersonKey.Of).ToHashSet();
        if (lockCounts) await LockCountedKeysAsync(call.Id, p, keys, ct);

        // Every document number in the forms it may be stored in; the type is compared below.
        var numbers = people.Values.SelectMany(x => new[] { x.DocumentNumber, PersonKey.Normalize(x.DocumentNumber) }).Distinct().ToList();
        var ongoing = (await db.OngoingProjects.AsNoTracking().Where(o => numbers.Contains(o.DocumentNumber)).ToListAsync(ct))
            .Where(o => keys.Contains(PersonKey.Of(o)))
            .ToList();

        // The registry rows of the same people (the same identity document may sit on more than one row).
        var samePeople = (await db.People.AsNoTracking().Where(x => numbers.Contains(x.DocumentNumber))
                .Select(x => new { x.Id, x.DocumentType, x.DocumentNumber }).ToListAsync(ct))
            .Select(x => (x.Id, Key: new PersonKey(x.DocumentType, PersonKey.Normalize(x.DocumentNumber))))
            .Where(x => keys.Contains(x.Key))
            .ToDictionary(x => x.Id, x => x.Key);
        var sameIds = samePeople.Keys.Select(id => (PersonId?)id).ToList();

        var others = await db.PreProposals.AsNoTracking()
            .Where(x => x.CallId == p.CallId && x.Id != p.Id && InCall.Contains(x.State)
                && (x.LeadUnitId == p.LeadUnitId
                    || sameIds.Contains(x.PiPersonId)
                    || x.Members.Any(m => sameIds.Contains(m.PersonId))))
            .Select(x => new
            {
                x.Id, x.LeadUnitId, x.PiPersonId, x.RecommendingUnitId, x.Title,
                Members = x.Members.Select(m => new { m.PersonId, m.Role }).ToList(),
            })
            .ToListAsync(ct);

        // Members of other applications who are not on this team are left out: no rule asks about them.
        var otherApplications = others.Select(o => new OtherApplication(
            o.Id, o.LeadUnitId,
            o.PiPersonId is { } pi && samePeople.TryGetValue(pi, out var piKey) ? piKey : null,
            [.. o.Members.Where(m => samePeople.ContainsKey(m.PersonId)).Select(m => new OtherMember(samePeople[m.PersonId], m.Role))],
            o.RecommendingUnitId, o.Title)).ToList();

        return new EligibilityInput(
            call, submissionDay, p, units, people, ongoing, otherApplications,
            attachments.Select(a => a.Kind).ToHashSet(),
            attachments.Any(a => a.Kind == AttachmentKind.JointAgreement && a.SignedOn is not null),
            recommendingUnit, direction,
            // GUIDE-EXPERT-BAR: the platform holds no list of guide experts yet.
            new HashSet<PersonKey>(),
            await Registries.Units.Members.Memberships.MembersAsync(db, recommendingUnit, p.LeadUnitId, submissionDay, ct));
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
        foreach (var key in names.Select(LockKey).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    private static long LockKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
}
