using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries.People.Sanctions;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Eligibility;

// The set-based twin of EligibilityInputLoader, for the batch re-check (issue 5, point 7): one
// query per kind of data for the whole call (its submitted, not withdrawn applications, their
// people and units, the registry rows of those people by identity document, sanctions, the guide
// experts), then each application's EligibilityInput is built in memory, selecting exactly the rows
// the per-application loader would read. EligibilityBatchTests compare both on varied data: a
// change to what EligibilityInputLoader feeds the rules must be made here too.
//
// To add a lookup: load it in LoadAsync (one query for the call, kept in a dictionary keyed the
// way Build looks it up), pass it to the constructor, and select the application's part in Build.
public sealed class EligibilityBatch
{
    private sealed record RegistryRow(PersonId Id, string Number);

    private readonly Dictionary<PersonId, List<CountedApplication>> byPerson;
    private readonly Dictionary<(UnitId Lead, string Title), List<CountedApplication>> byLeadTitle;
    private readonly Dictionary<PersonId, Person> people;
    private readonly Dictionary<UnitId, Unit> units;
    private readonly Dictionary<DirectionId, GuideDirection> directions;
    // The rows matched by identity document: by normalized key, in the order the loader reads them.
    private readonly Dictionary<PersonKey, List<(int Rank, OngoingProject Row)>> ongoing;
    private readonly Dictionary<PersonKey, List<RegistryRow>> registryRows;
    private readonly Dictionary<PersonId, List<PersonSanction>> sanctions;
    private readonly Dictionary<PersonKey, List<string>> guideExperts;
    // RECOMMENDER-SCOPE: the member lists of associations and alliances, by (list, member).
    private readonly Dictionary<(UnitId List, UnitId Member), List<UnitMembership>> memberships;

    private EligibilityBatch(GrantCall call, IReadOnlyList<ProposalId> proposals, List<CountedApplication> others, Registry registry)
    {
        Call = call;
        Proposals = proposals;
        people = registry.People;
        units = registry.Units;
        directions = registry.Directions;
        ongoing = registry.Ongoing;
        registryRows = registry.RegistryRows;
        sanctions = registry.Sanctions;
        guideExperts = registry.GuideExperts;
        memberships = registry.Memberships;
        byPerson = [];
        byLeadTitle = [];
        foreach (var o in others)
        {
            foreach (var person in new[] { o.PiPersonId }.OfType<PersonId>().Concat(o.Members.Select(m => m.PersonId)).Distinct())
                Add(byPerson, person, o);
            var title = UnitOneRecommender.NormalizeTitle(o.Title);
            if (title.Length > 0) Add(byLeadTitle, (o.LeadUnitId, title), o);
        }
    }

    public GrantCall Call { get; }

    // The submitted, not withdrawn applications of the call when the batch was loaded (LoadAsync),
    // or the applications it was loaded for (LoadForAsync).
    public IReadOnlyList<ProposalId> Proposals { get; }

    public static async Task<EligibilityBatch> LoadAsync(AppDbContext db, GrantCall call, CancellationToken ct)
    {
        var apps = await CountingDataAsync(db, db.PreProposals.Where(x => x.CallId == call.Id && CountedApplications.InCall.Contains(x.State)), ct);
        var personIds = apps.SelectMany(x => new[] { x.PiPersonId }.OfType<PersonId>().Concat(x.Members.Select(m => m.PersonId))).Distinct().ToList();
        var unitIds = apps.SelectMany(x => new[] { x.LeadUnitId }.Concat(x.Units).Concat(new[] { x.RecommendingUnitId }.OfType<UnitId>())).Distinct().ToList();
        var loaded = await RegistryAsync(db, call, personIds, unitIds, [.. apps.Select(x => x.DirectionId).Distinct()], ct);
        return new EligibilityBatch(call, [.. apps.Select(x => x.Id)], [.. apps.Select(x => x.Counted)], loaded);
    }

    // Only what the checks of the given applications of the call read (the recommending unit's
    // inbox): their teams, units and directions, the registry rows of their people, and the other
    // applications of the call that share one of those people (by identity document) or a lead
    // unit and title key with them. A handful of queries for a page of hundreds of applications,
    // instead of the loader's nine per application.
    public static async Task<EligibilityBatch> LoadForAsync(AppDbContext db, GrantCall call, IReadOnlyList<PreProposal> proposals, CancellationToken ct)
    {
        var personIds = proposals.SelectMany(p => new[] { p.PiPersonId }.OfType<PersonId>().Concat(p.Members.Select(m => m.PersonId))).Distinct().ToList();
        var unitIds = proposals.SelectMany(p => new[] { p.LeadUnitId }.Concat(p.Units.Select(u => u.UnitId)).Concat(new[] { p.RecommendingUnitId }.OfType<UnitId>())).Distinct().ToList();
        var loaded = await RegistryAsync(db, call, personIds, unitIds, [.. proposals.Select(p => p.DirectionId).Distinct()], ct);

        // The same look-up as the loader's, for the whole page at once.
        var rowIds = loaded.RegistryRows.Values.SelectMany(r => r).Select(r => r.Id).Distinct().ToList();
        var titleKeys = proposals.Select(p => UnitOneRecommender.NormalizeTitle(p.Title)).Where(t => t.Length > 0).Distinct().ToList();
        var ids = CountedApplications.Sharing(db, call.Id, rowIds, [.. proposals.Select(p => p.LeadUnitId).Distinct()], titleKeys);
        var others = ids is null ? [] : await CountedApplications.ReadAsync(db.PreProposals.Where(x => ids.Contains(x.Id)), ct);
        return new EligibilityBatch(call, [.. proposals.Select(p => p.Id)], others, loaded);
    }

    private sealed record CountingRow(ProposalId Id, DirectionId DirectionId, UnitId LeadUnitId, PersonId? PiPersonId, UnitId? RecommendingUnitId,
        List<(PersonId PersonId, MemberRole Role)> Members, List<UnitId> Units)
    {
        public CountedApplication Counted => new(Id, LeadUnitId, PiPersonId, RecommendingUnitId, Title, Members);

        public string Title { get; init; } = "";
    }

    // The call's applications for the whole re-check: what the counting rules read, and their
    // units and direction (whose registry rows the batch loads), in submission order.
    private static async Task<List<CountingRow>> CountingDataAsync(AppDbContext db, IQueryable<PreProposal> query, CancellationToken ct)
    {
        var apps = await query.AsNoTracking()
            .OrderBy(x => x.SubmittedAt).ThenBy(x => x.Id)
            .Select(x => new
            {
                x.Id, x.LeadUnitId, x.PiPersonId, x.RecommendingUnitId, x.Title, x.DirectionId,
                Members = x.Members.Select(m => new { m.PersonId, m.Role }).ToList(),
                Units = x.Units.Select(u => u.UnitId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. apps.Select(x => new CountingRow(x.Id, x.DirectionId, x.LeadUnitId, x.PiPersonId, x.RecommendingUnitId,
            [.. x.Members.Select(m => (m.PersonId, m.Role))], x.Units) { Title = x.Title })];
    }

    private sealed record Registry(Dictionary<PersonId, Person> People, Dictionary<UnitId, Unit> Units, Dictionary<DirectionId, GuideDirection> Directions,
        Dictionary<PersonKey, List<(int, OngoingProject)>> Ongoing, Dictionary<PersonKey, List<RegistryRow>> RegistryRows,
        Dictionary<PersonId, List<PersonSanction>> Sanctions, Dictionary<PersonKey, List<string>> GuideExperts,
        Dictionary<(UnitId, UnitId), List<UnitMembership>> Memberships);

    // The people, units and directions given, and the registry rows matched by their identity
    // documents: the same filters as the loader's, over the documents of every team at once.
    private static async Task<Registry> RegistryAsync(AppDbContext db, GrantCall call, List<PersonId> personIds, List<UnitId> unitIds,
        List<DirectionId> directionIds, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(x => EF.Parameter(personIds).Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var units = await db.Units.AsNoTracking().Where(x => EF.Parameter(unitIds).Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var directions = await db.Directions.AsNoTracking().Where(d => EF.Parameter(directionIds).Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);

        var numbers = people.Values.SelectMany(x => new[] { x.DocumentNumber, PersonKey.Normalize(x.DocumentNumber) }).Distinct().ToList();
        var types = people.Values.Select(x => x.DocumentType).Distinct().ToList();
        var ongoingRows = await db.OngoingProjects.AsNoTracking()
            .Where(o => EF.Parameter(types).Contains(o.DocumentType) && EF.Parameter(numbers).Contains(o.DocumentNumber))
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        var ongoing = new Dictionary<PersonKey, List<(int, OngoingProject)>>();
        for (var i = 0; i < ongoingRows.Count; i++) Add(ongoing, PersonKey.Of(ongoingRows[i]), (i, ongoingRows[i]));

        var rows = await db.People.AsNoTracking()
            .Where(x => EF.Parameter(types).Contains(x.DocumentType) && EF.Parameter(numbers).Contains(x.DocumentNumber))
            .Select(x => new { x.Id, x.DocumentType, x.DocumentNumber })
            .ToListAsync(ct);
        var registryRows = new Dictionary<PersonKey, List<RegistryRow>>();
        foreach (var x in rows) Add(registryRows, new PersonKey(x.DocumentType, PersonKey.Normalize(x.DocumentNumber)), new RegistryRow(x.Id, x.DocumentNumber));

        var rowIds = rows.Select(x => x.Id).ToList();
        var sanctions = (await db.PersonSanctions.AsNoTracking().Where(s => EF.Parameter(rowIds).Contains(s.PersonId)).ToListAsync(ct))
            .GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => g.ToList());

        var experts = await db.GuideExperts.AsNoTracking().Where(g => g.CallId == call.Id)
            .Join(db.People, g => g.PersonId, x => x.Id, (g, x) => new { x.DocumentType, x.DocumentNumber })
            .ToListAsync(ct);
        var guideExperts = new Dictionary<PersonKey, List<string>>();
        foreach (var x in experts) Add(guideExperts, new PersonKey(x.DocumentType, PersonKey.Normalize(x.DocumentNumber)), x.DocumentNumber);

        // Member lists are short (a few associations and alliances): all of them.
        var memberships = new Dictionary<(UnitId, UnitId), List<UnitMembership>>();
        foreach (var m in await db.UnitMemberships.AsNoTracking().ToListAsync(ct)) Add(memberships, (m.RecommendingUnitId, m.MemberUnitId), m);

        return new Registry(people, units, directions, ongoing, registryRows, sanctions, guideExperts, memberships);
    }

    // The applications themselves, with their team, units and indicator answers, and their current
    // attachments, for a chunk of ids. The narrative and the submitted snapshot are left out: no
    // rule reads them (PRE-LENGTH is checked when a draft is completed, not by the rule set).
    public static async Task<IReadOnlyList<(PreProposal Proposal, IReadOnlyList<(AttachmentKind Kind, DateOnly? SignedOn)> Attachments)>> ProposalsAsync(
        AppDbContext db, IReadOnlyList<ProposalId> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        // The owned collections in key order, as the per-application loader's single query returns them
        // (Team() and ForeignLeadPersonId read them in that order when sort orders tie).
        var proposals = await db.PreProposals.AsNoTracking()
            .Where(x => EF.Parameter(list).Contains(x.Id))
            .Select(x => new PreProposal
            {
                Id = x.Id, CallId = x.CallId, DirectionId = x.DirectionId, Title = x.Title, LeadUnitId = x.LeadUnitId,
                PiPersonId = x.PiPersonId, OwnerUserId = x.OwnerUserId, DurationMonths = x.DurationMonths, RequestedBudget = x.RequestedBudget,
                PiMonthsPerYear = x.PiMonthsPerYear, MatchingFundsPercent = x.MatchingFundsPercent,
                ForeignLeadException = x.ForeignLeadException, ForeignLeadStatement = x.ForeignLeadStatement,
                Members = x.Members.OrderBy(m => m.Id).ToList(),
                Units = x.Units.OrderBy(u => u.Id).ToList(),
                IndicatorAnswers = x.IndicatorAnswers.OrderBy(a => a.Id).ToList(),
                CoEditors = x.CoEditors.OrderBy(c => c.Id).ToList(),
                State = x.State, CreatedAt = x.CreatedAt, UpdatedAt = x.UpdatedAt, RecommendingUnitId = x.RecommendingUnitId,
                SubmissionNumber = x.SubmissionNumber, SubmittedAt = x.SubmittedAt, SentAt = x.SentAt, ContentHash = x.ContentHash,
                UnitIntegrityConfirmed = x.UnitIntegrityConfirmed, Version = x.Version,
            })
            .AsSplitQuery()
            .ToDictionaryAsync(x => x.Id, ct);
        var attachments = (await db.Attachments.AsNoTracking()
                .Where(a => EF.Parameter(list).Contains(a.ProposalId) && a.SupersededAt == null)
                .Select(a => new { a.ProposalId, a.Kind, a.SignedOn })
                .ToListAsync(ct))
            .ToLookup(a => a.ProposalId, a => (a.Kind, a.SignedOn));
        return [.. list.Where(proposals.ContainsKey).Select(id => (proposals[id], (IReadOnlyList<(AttachmentKind, DateOnly?)>)[.. attachments[id]]))];
    }

    // What EligibilityInputLoader.LoadAsync(p, Call, submissionDay, recommendingUnit, lockCounts: false)
    // returns, from the rows loaded for the call.
    public EligibilityInput Build(PreProposal p, IReadOnlyList<(AttachmentKind Kind, DateOnly? SignedOn)> attachments, DateOnly submissionDay, UnitId? recommendingUnit)
    {
        var teamPeople = new Dictionary<PersonId, Person>();
        foreach (var id in new[] { p.PiPersonId }.OfType<PersonId>().Concat(p.Members.Select(m => m.PersonId)))
        {
            if (people.TryGetValue(id, out var person)) teamPeople.TryAdd(id, person);
        }
        var teamUnits = new Dictionary<UnitId, Unit>();
        foreach (var id in new[] { p.LeadUnitId }.Concat(p.Units.Select(u => u.UnitId)).Concat(new[] { recommendingUnit }.OfType<UnitId>()))
        {
            if (units.TryGetValue(id, out var unit)) teamUnits.TryAdd(id, unit);
        }
        var direction = directions.GetValueOrDefault(p.DirectionId);

        // A registry row is the team's when its normalized document is a team member's and its number,
        // as stored, is one of the team's numbers as stored or normalized (the loader's SQL filter).
        var keys = teamPeople.Values.Select(PersonKey.Of).ToHashSet();
        var numbers = teamPeople.Values.SelectMany(x => new[] { x.DocumentNumber, PersonKey.Normalize(x.DocumentNumber) }).ToHashSet(StringComparer.Ordinal);

        var teamOngoing = keys.SelectMany(k => ongoing.GetValueOrDefault(k) ?? [])
            .Where(x => numbers.Contains(x.Row.DocumentNumber))
            .OrderBy(x => x.Rank).Select(x => x.Row).ToList();

        var samePeople = new Dictionary<PersonId, PersonKey>();
        foreach (var key in keys)
        {
            foreach (var row in registryRows.GetValueOrDefault(key) ?? [])
            {
                if (numbers.Contains(row.Number)) samePeople[row.Id] = key;
            }
        }

        var found = new HashSet<ProposalId>();
        var candidates = new List<CountedApplication>();
        foreach (var id in samePeople.Keys)
        {
            foreach (var o in byPerson.GetValueOrDefault(id) ?? [])
            {
                if (found.Add(o.Id)) candidates.Add(o);
            }
        }
        var title = UnitOneRecommender.NormalizeTitle(p.Title);
        if (title.Length > 0)
        {
            foreach (var o in byLeadTitle.GetValueOrDefault((p.LeadUnitId, title)) ?? [])
            {
                if (found.Add(o.Id)) candidates.Add(o);
            }
        }
        var otherApplications = candidates.Where(o => o.Id != p.Id).Select(o => new OtherApplication(
            o.Id, o.LeadUnitId,
            o.PiPersonId is { } pi && samePeople.TryGetValue(pi, out var piKey) ? piKey : null,
            [.. o.Members.Where(m => samePeople.ContainsKey(m.PersonId)).Select(m => new OtherMember(samePeople[m.PersonId], m.Role))],
            o.RecommendingUnitId, o.Title)).ToList();

        var teamByKey = teamPeople.Values.GroupBy(PersonKey.Of).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
        var teamSanctions = samePeople
            .SelectMany(row => (sanctions.GetValueOrDefault(row.Key) ?? []).SelectMany(s => teamByKey[row.Value].Select(id => SanctionRecords.For(s, id))))
            .ToList();

        var experts = numbers.Count == 0
            ? []
            : keys.Where(k => (guideExperts.GetValueOrDefault(k) ?? []).Any(numbers.Contains)).ToHashSet();

        return new EligibilityInput(
            Call, submissionDay, p, teamUnits, teamPeople, teamOngoing, otherApplications,
            attachments.Select(a => a.Kind).ToHashSet(),
            attachments.Any(a => a.Kind == AttachmentKind.JointAgreement && a.SignedOn is not null),
            recommendingUnit, direction, experts, teamSanctions,
            // As Memberships.MembersAsync: the lead unit, if the chosen list holds it on that day.
            recommendingUnit is { } rec && memberships.TryGetValue((rec, p.LeadUnitId), out var lists)
                ? lists.Where(m => m.IsActiveOn(submissionDay)).Select(m => m.MemberUnitId).ToHashSet()
                : new HashSet<UnitId>());
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
