using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using GrantPortal.Web.Features.Registries.People.Sanctions;
using Microsoft.EntityFrameworkCore;
using Unit = GrantPortal.Domain.Registries.Unit;

namespace GrantPortal.Web.Features.Eligibility.Check;

// Checks a self-contained application document against a call's rule set and returns every
// finding; nothing is stored (the queries are read-only, no-tracking, and nothing is saved).
// Units and people come from the document. Read from the database: the call (its rule set, dates
// and limits), the direction (by number, for its indicators), and — for the counting rules — the
// other submitted, not withdrawn applications of the call that share a person (by identity
// document) or, for UNIT-ONE-RECOMMENDER, the lead unit (matched by its social credit code).
public sealed record CheckEligibility(CallId CallId, CheckDocument Document) : IRequest<CheckResult>;

public sealed record CheckResult(bool CallFound, IReadOnlyList<Error> Errors, DateOnly CheckedFor, int OtherApplicationsCounted, IReadOnlyList<Finding> Findings)
{
    public bool HasBlocking => Findings.Any(f => f.IsBlocking);
}

public sealed class CheckEligibilityHandler(AppDbContext db, TimeProvider clock) : IRequestHandler<CheckEligibility, CheckResult>
{
    public async ValueTask<CheckResult> Handle(CheckEligibility request, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CallId, ct);
        if (call is null) return new CheckResult(false, [Error.For("CHECK-CALL-NOT-FOUND")], default, 0, []);
        return await CheckDocuments.RunAsync(db, call, request.Document, BeijingTime.Today(clock.GetUtcNow()), ct);
    }
}

public static class CheckDocuments
{
    private static readonly ApplicationState[] InCall =
        [.. Enum.GetValues<ApplicationState>().Where(s => s.IsInCall())];

    public static async Task<CheckResult> RunAsync(AppDbContext db, GrantCall call, CheckDocument doc, DateOnly today, CancellationToken ct)
    {
        var day = doc.SubmissionDay ?? today;
        var errors = new List<Error>();

        // Units: the document's keys; a unit whose social credit code is registered takes the
        // registry's id, so that the stored applications of that lead unit are counted.
        var codes = doc.Units.Select(u => u.SocialCreditCode).OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        var known = codes.Count == 0 ? [] : await db.Units.AsNoTracking().Where(u => u.SocialCreditCode != null && codes.Contains(u.SocialCreditCode))
            .Select(u => new { u.Id, u.SocialCreditCode }).ToListAsync(ct);
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Units.Count; i++)
        {
            var u = doc.Units[i];
            if (!units.TryAdd(u.Key, new Unit
                {
                    Id = known.FirstOrDefault(k => k.SocialCreditCode == u.SocialCreditCode && u.SocialCreditCode is not null)?.Id ?? UnitId.New(),
                    Name = u.Name, Kind = u.Kind, SocialCreditCode = u.SocialCreditCode, CountryCode = u.CountryCode, RegistrationDate = u.RegistrationDate,
                    IsStateOrgan = u.IsStateOrgan, IsCreditBlacklisted = u.IsCreditBlacklisted, Province = u.Province, SupervisingMinistry = u.SupervisingMinistry,
                }))
                errors.Add(Error.For("CHECK-KEY-TWICE", $"units[{i}].key", ("key", u.Key)));
        }
        UnitId? UnitOf(string? key, string field)
        {
            if (string.IsNullOrEmpty(key)) return null;
            if (units.TryGetValue(key, out var unit)) return unit.Id;
            errors.Add(Error.For("CHECK-UNIT-UNKNOWN", field, ("key", key)));
            return null;
        }

        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        var sanctions = new List<PersonSanction>();
        for (var i = 0; i < doc.People.Count; i++)
        {
            var x = doc.People[i];
            if (!people.TryAdd(x.Key, new Person
                {
                    Name = x.Name, DocumentType = x.DocumentType, DocumentNumber = x.DocumentNumber, BirthDate = x.BirthDate, Title = x.Title,
                    Degree = x.Degree, IsCivilServant = x.IsCivilServant, Nationality = x.Nationality, UnitId = UnitOf(x.Unit, $"people[{i}].unit"),
                }))
                errors.Add(Error.For("CHECK-KEY-TWICE", $"people[{i}].key", ("key", x.Key)));
            else
                sanctions.AddRange(x.Sanctions.Select((s, j) => SanctionRecords.For(s, people[x.Key].Id, $"people[{i}].sanctions[{j}]", errors)));
        }
        Person? PersonOf(string? key, string field)
        {
            if (string.IsNullOrEmpty(key)) return null;
            if (people.TryGetValue(key, out var person)) return person;
            errors.Add(Error.For("CHECK-PERSON-UNKNOWN", field, ("key", key)));
            return null;
        }

        var lead = UnitOf(doc.LeadUnit, "leadUnit");
        if (string.IsNullOrEmpty(doc.LeadUnit)) errors.Add(Error.For("CHECK-LEAD-REQUIRED", "leadUnit"));
        var participating = doc.ParticipatingUnits.Select((k, i) => UnitOf(k, $"participatingUnits[{i}]")).ToList();
        var recommending = UnitOf(doc.RecommendingUnit, "recommendingUnit");
        var pi = PersonOf(doc.Pi, "pi");
        var members = doc.Members.Select((m, i) => (Person: PersonOf(m.Person, $"members[{i}].person"), m.Role)).ToList();

        GuideDirection? direction = null;
        if (!string.IsNullOrWhiteSpace(doc.DirectionNumber))
        {
            var number = doc.DirectionNumber.Trim();
            direction = await db.Directions.AsNoTracking().SingleOrDefaultAsync(d => d.CallId == call.Id && d.Number == number, ct);
            if (direction is null) errors.Add(Error.For("CHECK-DIRECTION-UNKNOWN", "directionNumber", ("number", number)));
        }
        if (errors.Count > 0) return new CheckResult(true, errors, day, 0, []);

        var proposal = new PreProposal
        {
            CallId = call.Id,
            DirectionId = direction?.Id ?? default,
            Title = doc.Title?.Trim() ?? "",
            LeadUnitId = lead!.Value,
            PiPersonId = pi?.Id,
            PiMonthsPerYear = doc.PiMonthsPerYear,
            DurationMonths = doc.DurationMonths,
            RequestedBudget = doc.RequestedBudget,
            MatchingFundsPercent = doc.MatchingFundsPercent,
            ForeignLeadException = doc.ForeignLeadException,
            ForeignLeadStatement = doc.ForeignLeadStatement ?? "",
            Objectives = doc.Objectives ?? "",
            Innovation = doc.Innovation ?? "",
            TechnicalRoute = doc.TechnicalRoute ?? "",
            ResearchBasis = doc.ResearchBasis ?? "",
            Units = [.. participating.OfType<UnitId>().Select((u, i) => new ParticipatingUnit { UnitId = u, SortOrder = i + 1 })],
            Members = [.. members.Where(m => m.Person is not null).Select((m, i) => new TeamMember { PersonId = m.Person!.Id, Role = m.Role, UnitId = m.Person.UnitId, SortOrder = i + 1 })],
            IndicatorAnswers = [.. doc.IndicatorAnswers.Select((a, i) => (a, i)).Where(x => !string.IsNullOrEmpty(x.a)).Select(x => new IndicatorAnswer { IndicatorIndex = x.i, Answer = x.a! })],
        };

        var ongoing = doc.OngoingProjects.Select(o => new OngoingProject
        {
            Programme = o.Programme, ProjectCode = o.ProjectCode, DocumentType = o.DocumentType, DocumentNumber = o.DocumentNumber, PersonName = o.PersonName,
            Role = o.Role, StartsOn = o.StartsOn, OriginalEndsOn = o.OriginalEndsOn ?? o.EndsOn, EndsOn = o.EndsOn, LeftTeamOn = o.LeftTeamOn,
        }).ToList();

        var others = await OtherApplicationsAsync(db, call.Id, proposal, people.Values, ct);
        // GUIDE-EXPERT-BAR: the call's own list, matched with the document's people by identity document.
        var experts = await EligibilityInputLoader.GuideExpertsAsync(db, call.Id,
            [.. people.Values.SelectMany(x => new[] { x.DocumentNumber, PersonKey.Normalize(x.DocumentNumber) }).Distinct()],
            people.Values.Select(PersonKey.Of).ToHashSet(), ct);
        var input = new EligibilityInput(
            call, day, proposal,
            units.Values.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First()),
            people.Values.ToDictionary(p => p.Id),
            ongoing, others,
            doc.Documents.Select(d => d.Kind).ToHashSet(),
            doc.Documents.Any(d => d.Kind == AttachmentKind.JointAgreement && d.SignedOn is not null),
            recommending, direction, experts, sanctions,
            await Registries.Units.Members.Memberships.MembersAsync(db, recommending, proposal.LeadUnitId, day, ct));
        return new CheckResult(true, [], day, others.Count, RuleSet.Run(input));
    }

    // The submitted, not withdrawn applications of the call sharing a person (by identity
    // document) or the lead unit: two indexed queries, read only.
    private static async Task<List<OtherApplication>> OtherApplicationsAsync(AppDbContext db, CallId callId, PreProposal p, IEnumerable<Person> team, CancellationToken ct)
    {
        var keys = team.Select(PersonKey.Of).ToHashSet();
        var numbers = team.SelectMany(x => new[] { x.DocumentNumber, PersonKey.Normalize(x.DocumentNumber) }).Distinct().ToList();
        var samePeople = numbers.Count == 0 ? [] : (await db.People.AsNoTracking().Where(x => numbers.Contains(x.DocumentNumber))
                .Select(x => new { x.Id, x.DocumentType, x.DocumentNumber }).ToListAsync(ct))
            .Select(x => (x.Id, Key: new PersonKey(x.DocumentType, PersonKey.Normalize(x.DocumentNumber))))
            .Where(x => keys.Contains(x.Key))
            .ToDictionary(x => x.Id, x => x.Key);
        var sameIds = samePeople.Keys.Select(id => (PersonId?)id).ToList();
        var lead = p.LeadUnitId;
        var rows = await db.PreProposals.AsNoTracking()
            .Where(x => x.CallId == callId && InCall.Contains(x.State)
                && (x.LeadUnitId == lead || sameIds.Contains(x.PiPersonId) || x.Members.Any(m => sameIds.Contains(m.PersonId))))
            .Select(x => new { x.Id, x.LeadUnitId, x.PiPersonId, x.RecommendingUnitId, x.Title, Members = x.Members.Select(m => new { m.PersonId, m.Role }).ToList() })
            .ToListAsync(ct);
        return [.. rows.Select(o => new OtherApplication(
            o.Id, o.LeadUnitId,
            o.PiPersonId is { } pi && samePeople.TryGetValue(pi, out var piKey) ? piKey : null,
            [.. o.Members.Where(m => samePeople.ContainsKey(m.PersonId)).Select(m => new OtherMember(samePeople[m.PersonId], m.Role))],
            o.RecommendingUnitId, o.Title))];
    }
}
