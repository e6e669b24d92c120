using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Eligibility;

// "项目负责人须为1958年1月1日以后出生" — PI-AGE: born on or after the call's date (2018: 1958-01-01).
public sealed class PiAge : IEligibilityRule
{
    public string Id => "PI-AGE";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Pi is { } pi && pi.BirthDate < input.Call.PiBornOnOrAfter)
            yield return Findings.Person(Id, pi, "PiPersonId", ("born", pi.BirthDate), ("date", input.Call.PiBornOnOrAfter));
    }
}

// "项目负责人须具有高级职称或博士学位" — PI-TITLE: a senior professional title (高级职称: associate or
// full) or a doctorate.
public sealed class PiTitle : IEligibilityRule
{
    public string Id => "PI-TITLE";

    public static bool IsQualified(Person p) => p.Title >= ProfessionalTitle.AssociateSenior || p.Degree == Degree.Doctorate;

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Pi is { } pi && !IsQualified(pi))
            yield return Findings.Person(Id, pi, "PiPersonId");
    }
}

// "项目负责人每年用于项目的工作时间不得少于6个月" — PI-TIME: at least 6 months a year on the project.
public sealed class PiTime : IEligibilityRule
{
    public string Id => "PI-TIME";
    public const int MinMonths = 6;

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Proposal.PiMonthsPerYear is { } months && months < MinMonths)
            yield return Findings.Application(Id, input, "PiMonthsPerYear", ("months", months), ("min", MinMonths));
    }
}

// "各级政府部门及其他有行政管理职能的事业单位的公务人员（包括行使科技计划管理职能的其他人员）不得申报项目" —
// PI-NOT-CIVIL-SERVANT: civil servants of state organs at any level may not apply.
public sealed class PiNotCivilServant : IEligibilityRule
{
    public string Id => "PI-NOT-CIVIL-SERVANT";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Pi is { IsCivilServant: true } pi)
            yield return Findings.Person(Id, pi, "PiPersonId");
    }
}

// "项目负责人限申报1个项目" — PI-ONE-APPLICATION: a PI applies for one project in the call (as PI of
// another submitted, not withdrawn application of the call).
public sealed class PiOneApplication : IEligibilityRule
{
    public string Id => "PI-ONE-APPLICATION";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Pi is not { } pi) yield break;
        var key = PersonKey.Of(pi);
        var count = input.OtherApplications.Count(a => a.Id != input.Proposal.Id && a.Pi == key);
        if (count > 0)
            yield return Findings.Person(Id, pi, "PiPersonId", ("count", count));
    }
}

// "国家重点基础研究发展计划（973计划）…国家科技重大专项、国家重点研发计划在研项目（含任务或课题）负责人不得牵头申报项目"
// — PI-NO-ONGOING-LEAD: the leader of an ongoing project or task/subject of those programmes may not
// lead an application (ONGOING-CUTOFF applies).
public sealed class PiNoOngoingLead : IEligibilityRule
{
    public string Id => "PI-NO-ONGOING-LEAD";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Pi is not { } pi) yield break;
        var led = input.CountedOngoing(pi).Where(o => o.Role is OngoingRole.ProjectLeader or OngoingRole.TaskLeader).ToList();
        if (led.Count > 0)
            yield return Findings.Person(Id, pi, "PiPersonId", ("projects", Findings.Codes(led)));
    }
}

// "国家重点研发计划的在研项目负责人不得参与申报项目" — KRD-LEADER-NO-PARTICIPATION: the leader of an ongoing
// National Key R&D Programme project (not a task or subject leader) may not take part at all.
public sealed class KrdLeaderNoParticipation : IEligibilityRule
{
    public string Id => "KRD-LEADER-NO-PARTICIPATION";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        foreach (var (person, _, field) in input.Team())
        {
            var led = input.CountedOngoing(person).Where(o => o.Programme == Programme.NationalKeyRd && o.Role == OngoingRole.ProjectLeader).ToList();
            if (led.Count > 0)
                yield return Findings.Person(Id, person, field, ("projects", Findings.Codes(led)));
        }
    }
}

// "项目骨干的申报项目和在研项目总数不得超过2个" — KEY-MEMBER-LIMIT: for each key member, applications in this
// call (this one included) plus ongoing projects are at most the call's limit (2018: 2).
public sealed class KeyMemberLimit : IEligibilityRule
{
    public string Id => "KEY-MEMBER-LIMIT";

    public IEnumerable<Finding> Check(EligibilityInput input) =>
        Counting.OverLimit(Id, input, input.MembersWithRole(MemberRole.KeyMember), input.Call.KeyMemberLimit);
}

// "国家重点研发计划在研项目负责人和项目骨干…退出项目研发团队后，在原项目执行期内原则上不得牵头或参与申报新的国家重点研发计划项目"
// — LEFT-TEAM-BAR: a person who left the team of an ongoing Key R&D project may not lead or join a
// new application during that project's original execution period (the original end, not
// extensions; ONGOING-CUTOFF does not apply).
public sealed class LeftTeamBar : IEligibilityRule
{
    public string Id => "LEFT-TEAM-BAR";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        foreach (var (person, _, field) in input.Team())
        {
            var key = PersonKey.Of(person);
            var left = input.OngoingProjects
                .Where(o => PersonKey.Of(o) == key && o.Programme == Programme.NationalKeyRd && o.LeftTeamOn is not null
                    && input.SubmissionDay <= o.OriginalEndsOn)
                .ToList();
            if (left.Count > 0)
                yield return Findings.Person(Id, person, field, ("projects", Findings.Codes(left)), ("until", left.Max(o => o.OriginalEndsOn)));
        }
    }
}

// "在研项目是指…执行期（包括延期后的执行期）到2019年6月30日之后的项目" — ONGOING-CUTOFF: a project whose
// execution period (extensions included) ends on or before the call's date (2018: 2019-06-30) is
// not ongoing for the limits. It has no finding of its own: the counting rules apply it. A call
// without this rule counts every project still running on the submission day. A person who has
// left a project's team no longer counts it (LEFT-TEAM-BAR covers them).
public sealed class OngoingCutoff : IEligibilityRule
{
    public string Id => "ONGOING-CUTOFF";

    public IEnumerable<Finding> Check(EligibilityInput input) => [];

    public static bool Counts(OngoingProject project, EligibilityInput input)
    {
        if (project.LeftTeamOn is { } left && left <= input.SubmissionDay) return false;
        return input.Call.RuleIds.Contains("ONGOING-CUTOFF")
            ? project.EndsOn > input.Call.OngoingCutoff
            : project.EndsOn >= input.SubmissionDay;
    }
}

// "参与本专项指南编制的专家及专项咨询委员会委员原则上不能申报该专项项目" — GUIDE-EXPERT-BAR: members of the special
// consultative committee and the experts who drafted this year's guide may not apply; the call's
// list (kept by the platform admin) names them by identity document.
public sealed class GuideExpertBar : IEligibilityRule
{
    public string Id => "GUIDE-EXPERT-BAR";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.GuideExperts.Count == 0) yield break;
        foreach (var (person, _, field) in input.Team())
        {
            if (input.GuideExperts.Contains(PersonKey.Of(person)))
                yield return Findings.Person(Id, person, field);
        }
    }
}

// "受聘于内地单位的外籍科学家及港、澳、台地区科学家可作为项目负责人，全职受聘人员须由内地受聘单位提供全职聘用的有效材料，
// 非全职受聘人员须由双方单位同时提供聘用的有效材料" — FOREIGN-PI-EMPLOYMENT (review): a foreign or Hong Kong,
// Macao, Taiwan PI is flagged for formal review with the proof of employment; a missing proof is
// flagged so that the applicant attaches it.
public sealed class ForeignPiEmployment : IEligibilityRule
{
    public string Id => "FOREIGN-PI-EMPLOYMENT";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Pi is not { } pi) yield break;
        var foreign = pi.DocumentType != IdentityDocumentType.ResidentIdCard
            || (!string.IsNullOrWhiteSpace(pi.Nationality) && !string.Equals(pi.Nationality.Trim(), "CN", StringComparison.OrdinalIgnoreCase));
        if (!foreign) yield break;
        var hasProof = input.Attachments.Contains(AttachmentKind.EmploymentProof);
        var finding = Findings.Person(Id, pi, "Attachments." + AttachmentKind.EmploymentProof).AsReview();
        yield return hasProof ? finding : finding.WithCode("FOREIGN-PI-EMPLOYMENT-MISSING");
    }
}
