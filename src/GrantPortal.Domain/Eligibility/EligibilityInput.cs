using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Eligibility;

// People are identified across applications by identity document (type and number), never by
// name or by registry row (DOMAIN.md).
public readonly record struct PersonKey(IdentityDocumentType Type, string Number)
{
    public static PersonKey Of(Person p) => new(p.DocumentType, Normalize(p.DocumentNumber));

    public static PersonKey Of(OngoingProject p) => new(p.DocumentType, Normalize(p.DocumentNumber));

    public static string Normalize(string number) => number.Trim().ToUpperInvariant();
}

public sealed record OtherMember(PersonKey Person, MemberRole Role);

// Another application of the same call, submitted and not withdrawn: what the counting rules need.
public sealed record OtherApplication(
    ProposalId Id,
    UnitId LeadUnitId,
    PersonKey? Pi,
    IReadOnlyList<OtherMember> Members,
    UnitId? RecommendingUnitId,
    string Title)
{
    public PersonKey? ForeignLead => Members.FirstOrDefault(m => m.Role == MemberRole.ForeignLead)?.Person;

    // Takes part in any role (PI or member).
    public bool Involves(PersonKey person) => Pi == person || Members.Any(m => m.Person == person);
}

// Everything the rules read. The web layer builds it from the database; the rules never query.
public sealed record EligibilityInput(
    GrantCall Call,
    // The day the pre-proposal is (or would be) submitted, in Beijing time.
    DateOnly SubmissionDay,
    PreProposal Proposal,
    IReadOnlyDictionary<UnitId, Unit> Units,
    IReadOnlyDictionary<PersonId, Person> People,
    // The registry records of the team's people (matched by identity document); the rules decide
    // which of them count (ONGOING-CUTOFF).
    IReadOnlyList<OngoingProject> OngoingProjects,
    IReadOnlyList<OtherApplication> OtherApplications,
    IReadOnlySet<AttachmentKind> Attachments,
    bool JointAgreementHasSigningDate,
    // The recommending unit chosen at submission (null while drafting).
    UnitId? RecommendingUnitId,
    // The direction's assessment indicators (DIRECTION-INDICATORS); null if the direction is unknown.
    GuideDirection? Direction,
    // GUIDE-EXPERT-BAR: the consultative committee members and guide-drafting experts of the call
    // (the call's list, by identity document).
    IReadOnlySet<PersonKey> GuideExperts,
    // UNIT-INTEGRITY: the sanctions and blacklist entries of the team's people, each carrying the
    // PersonId of the team member it concerns (the loader matches them by identity document).
    IReadOnlyList<PersonSanction>? Sanctions = null,
    // RECOMMENDER-SCOPE: the member units of the chosen association or alliance on the submission day
    // (at least the lead unit when it is one); null or empty: no member list applies.
    IReadOnlySet<UnitId>? RecommenderMembers = null)
{
    // The sanctions of this person active on the submission day (the check day).
    public IReadOnlyList<PersonSanction> ActiveSanctions(Person person) =>
        [.. (Sanctions ?? []).Where(s => s.PersonId == person.Id && s.IsActiveOn(SubmissionDay))];

    public Unit? Unit(UnitId? id) => id is { } u && Units.TryGetValue(u, out var unit) ? unit : null;

    public Person? Person(PersonId? id) => id is { } p && People.TryGetValue(p, out var person) ? person : null;

    public Unit? LeadUnit => Unit(Proposal.LeadUnitId);

    public Person? Pi => Person(Proposal.PiPersonId);

    public Person? ForeignLead => Person(Proposal.ForeignLeadPersonId);

    // The lead unit and the participating units, each once.
    public IEnumerable<Unit> AllUnits()
    {
        var seen = new HashSet<UnitId>();
        foreach (var id in new[] { Proposal.LeadUnitId }.Concat(Proposal.Units.OrderBy(u => u.SortOrder).Select(u => u.UnitId)))
        {
            if (seen.Add(id) && Unit(id) is { } unit) yield return unit;
        }
    }

    // The PI and every member, each person once, with the role they hold here.
    public IEnumerable<(Person Person, MemberRole? Role, string Field)> Team()
    {
        var seen = new HashSet<PersonId>();
        if (Pi is { } pi && seen.Add(pi.Id)) yield return (pi, null, nameof(Proposal.PiPersonId));
        foreach (var m in Proposal.Members.OrderBy(m => m.SortOrder))
        {
            if (seen.Add(m.PersonId) && Person(m.PersonId) is { } person) yield return (person, m.Role, "Members");
        }
    }

    public IEnumerable<Person> MembersWithRole(MemberRole role) =>
        Proposal.Members.Where(m => m.Role == role).OrderBy(m => m.SortOrder).Select(m => Person(m.PersonId)).OfType<Person>().DistinctBy(p => p.Id);

    // ONGOING-CUTOFF applied: the projects of this person that count for the limits.
    public IReadOnlyList<OngoingProject> CountedOngoing(Person person)
    {
        var key = PersonKey.Of(person);
        return [.. OngoingProjects.Where(o => PersonKey.Of(o) == key && OngoingCutoff.Counts(o, this))];
    }

    public IReadOnlyList<OtherApplication> OtherApplicationsOf(Person person)
    {
        var key = PersonKey.Of(person);
        return [.. OtherApplications.Where(a => a.Involves(key))];
    }
}
