using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Eligibility;

// "须有外方单位参与" — FOREIGN-PARTNER-REQUIRED: at least one foreign unit participates.
public sealed class ForeignPartnerRequired : IEligibilityRule
{
    public string Id => "FOREIGN-PARTNER-REQUIRED";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (!input.AllUnits().Any(u => u.IsForeign && u.Id != input.Proposal.LeadUnitId))
            yield return Findings.Application(Id, input, "Units");
    }
}

// "外方单位须为在境外注册满3年的独立法人" — FOREIGN-PARTNER-AGE: each foreign unit was registered outside
// mainland China at least ForeignPartnerMinYears (2018: 3) years before the day the pre-proposal is
// submitted; registered exactly that many years before, to the day, is enough.
public sealed class ForeignPartnerAge : IEligibilityRule
{
    public string Id => "FOREIGN-PARTNER-AGE";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        var latest = input.SubmissionDay.AddYears(-input.Call.ForeignPartnerMinYears);
        foreach (var unit in input.AllUnits().Where(u => u.IsForeign))
        {
            if (unit.RegistrationDate is not { } registered || registered > latest)
                yield return Findings.Unit(Id, unit, "Units", ("registered", unit.RegistrationDate), ("years", input.Call.ForeignPartnerMinYears), ("latest", latest));
        }
    }
}

// "中外双方须具有合作基础（联合专利、论文、项目等证明材料）" — FOREIGN-COOPERATION-PROOF (review): the
// attachments prove prior cooperation. A person judges the proof in formal review; a missing proof
// is a missing required document and blocks.
public sealed class ForeignCooperationProof : IEligibilityRule
{
    public string Id => "FOREIGN-COOPERATION-PROOF";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        var finding = Findings.Document(Id, AttachmentKind.CooperationProof);
        yield return input.Attachments.Contains(AttachmentKind.CooperationProof)
            ? finding.AsReview().WithCode("FOREIGN-COOPERATION-PROOF-REVIEW")
            : finding;
    }
}

// "外方牵头人年龄原则上不超过65周岁（1953年1月1日以后出生）…特殊情况须作出专门说明" — FOREIGN-LEAD-AGE: born on
// or after the call's date (2018: 1953-01-01), unless an exception (Nobel, Turing, Fields laureate,
// academician of a partner country, renowned scholar, key person) is claimed with a special
// statement: then review, with the claim and the statement as evidence (one message per kind of
// claim, FOREIGN-LEAD-AGE-EXCEPTION-<KIND>). A claim without its statement still blocks
// (FOREIGN-LEAD-AGE-STATEMENT).
public sealed class ForeignLeadAge : IEligibilityRule
{
    public string Id => "FOREIGN-LEAD-AGE";

    public static string ExceptionCode(ForeignLeadException kind) => "FOREIGN-LEAD-AGE-EXCEPTION-" + kind.ToString().ToUpperInvariant();

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.ForeignLead is not { } lead || lead.BirthDate >= input.Call.ForeignLeadBornOnOrAfter) yield break;
        var p = input.Proposal;
        if (p.ForeignLeadException is not { } kind)
        {
            yield return Findings.Person(Id, lead, "ForeignLeadException", ("born", lead.BirthDate), ("date", input.Call.ForeignLeadBornOnOrAfter));
        }
        else if (string.IsNullOrWhiteSpace(p.ForeignLeadStatement))
        {
            yield return Findings.Person(Id, lead, "ForeignLeadStatement", ("born", lead.BirthDate), ("date", input.Call.ForeignLeadBornOnOrAfter), ("exception", kind))
                .WithCode("FOREIGN-LEAD-AGE-STATEMENT");
        }
        else
        {
            yield return Findings.Person(Id, lead, "ForeignLeadStatement", ("born", lead.BirthDate), ("date", input.Call.ForeignLeadBornOnOrAfter),
                    ("exception", kind), ("statement", p.ForeignLeadStatement.Trim()))
                .AsReview().WithCode(ExceptionCode(kind));
        }
    }
}

// "外方牵头人每年在外方单位工作时间不少于6个月，具有高级研发职务或博士学位" — FOREIGN-LEAD-TIME: the foreign
// lead holds a senior R&D post or a PhD (declared in the registry, so checked here) and the proof
// of appointment (with the time worked abroad) is attached; formal review judges that proof.
public sealed class ForeignLeadTime : IEligibilityRule
{
    public string Id => "FOREIGN-LEAD-TIME";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.ForeignLead is { } lead && !PiTitle.IsQualified(lead))
            yield return Findings.Person(Id, lead, "Members").WithCode("FOREIGN-LEAD-QUALIFICATION");
        if (!input.Attachments.Contains(AttachmentKind.ForeignLeadAppointment))
            yield return Findings.Document(Id, AttachmentKind.ForeignLeadAppointment);
    }
}

// "外方牵头人只能与一家中方牵头单位合作申报" — FOREIGN-LEAD-ONE-PARTNER: a foreign lead joins applications
// with one domestic lead unit only (submitted, not withdrawn applications of the call).
public sealed class ForeignLeadOnePartner : IEligibilityRule
{
    public string Id => "FOREIGN-LEAD-ONE-PARTNER";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.ForeignLead is not { } lead) yield break;
        var key = PersonKey.Of(lead);
        var others = input.OtherApplications
            .Where(a => a.Id != input.Proposal.Id && a.ForeignLead == key && a.LeadUnitId != input.Proposal.LeadUnitId)
            .ToList();
        if (others.Count > 0)
            yield return Findings.Person(Id, lead, "Members", ("count", others.Count));
    }
}

// "其他外方成员申报项目及在研项目总数不超过2个" — FOREIGN-MEMBER-LIMIT: for each other foreign member,
// applications (this one included) plus ongoing projects (ONGOING-CUTOFF) are at most the call's
// limit (2018: 2).
public sealed class ForeignMemberLimit : IEligibilityRule
{
    public string Id => "FOREIGN-MEMBER-LIMIT";

    public IEnumerable<Finding> Check(EligibilityInput input) =>
        Counting.OverLimit(Id, input, input.MembersWithRole(MemberRole.ForeignMember), input.Call.ForeignMemberLimit);
}

// "外方项目牵头人已参与国家重点研发计划、改革前计划在研项目的，按照课题负责人限项规定实施" — FOREIGN-LEAD-LIMIT
// (review): a foreign lead who already takes part in an ongoing project is flagged, with the
// projects found, for formal review.
public sealed class ForeignLeadLimit : IEligibilityRule
{
    public string Id => "FOREIGN-LEAD-LIMIT";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.ForeignLead is not { } lead) yield break;
        var ongoing = input.CountedOngoing(lead);
        if (ongoing.Count > 0)
            yield return Findings.Person(Id, lead, "Members", ("projects", Findings.Codes(ongoing)), ("count", ongoing.Count)).AsReview();
    }
}

// The counting behind KEY-MEMBER-LIMIT and FOREIGN-MEMBER-LIMIT: this application, plus the other
// submitted, not withdrawn applications of the call the person takes part in, plus the person's
// ongoing projects (ONGOING-CUTOFF).
internal static class Counting
{
    public static IEnumerable<Finding> OverLimit(string rule, EligibilityInput input, IEnumerable<Person> people, int limit)
    {
        foreach (var person in people)
        {
            var applications = input.OtherApplicationsOf(person).Count(a => a.Id != input.Proposal.Id);
            var ongoing = input.CountedOngoing(person);
            var total = 1 + applications + ongoing.Count;
            if (total > limit)
                yield return Findings.Person(rule, person, "Members",
                    ("count", total), ("limit", limit), ("applications", applications + 1), ("ongoing", ongoing.Count), ("projects", Findings.Codes(ongoing)));
        }
    }
}
