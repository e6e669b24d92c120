using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Eligibility;

// "牵头及参与的中方单位为中国大陆境内注册的独立法人（科研院所、高校、企业）" — UNIT-MAINLAND: lead and
// participating Chinese units are registered in mainland China, independent legal persons
// (research institute, university, enterprise). The lead unit must be such a Chinese unit.
public sealed class UnitMainland : IEligibilityRule
{
    public string Id => "UNIT-MAINLAND";

    private static readonly UnitKind[] Allowed = [UnitKind.University, UnitKind.ResearchInstitute, UnitKind.Enterprise];

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        foreach (var unit in input.AllUnits())
        {
            var isLead = unit.Id == input.Proposal.LeadUnitId;
            if (unit.IsForeign && !isLead) continue;
            if (!Allowed.Contains(unit.Kind) || string.IsNullOrWhiteSpace(unit.SocialCreditCode))
                yield return Findings.Unit(Id, unit, isLead ? "LeadUnitId" : "Units");
        }
    }
}

// "注册时间在指南规定日期前" — UNIT-REG-DATE: the Chinese units are registered on or before the call's
// cut-off (2018: 2017-09-30). Foreign units have their own rule (FOREIGN-PARTNER-AGE).
public sealed class UnitRegDate : IEligibilityRule
{
    public string Id => "UNIT-REG-DATE";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        var cutoff = input.Call.UnitRegistrationCutoff;
        foreach (var unit in input.AllUnits().Where(u => !u.IsForeign))
        {
            if (unit.RegistrationDate is not { } registered || registered > cutoff)
                yield return Findings.Unit(Id, unit, unit.Id == input.Proposal.LeadUnitId ? "LeadUnitId" : "Units",
                    ("registered", unit.RegistrationDate), ("cutoff", cutoff));
        }
    }
}

// "国家机关不得牵头或参与申报" — UNIT-NOT-STATE-ORGAN: state organs may neither lead nor participate.
public sealed class UnitNotStateOrgan : IEligibilityRule
{
    public string Id => "UNIT-NOT-STATE-ORGAN";

    public IEnumerable<Finding> Check(EligibilityInput input) =>
        input.AllUnits()
            .Where(u => u.IsStateOrgan || u.Kind == UnitKind.StateOrgan)
            .Select(u => Findings.Unit(Id, u, u.Id == input.Proposal.LeadUnitId ? "LeadUnitId" : "Units"));
}

// "申报单位及项目团队成员无严重科研失信行为记录且不在相关社会领域信用黑名单内" — UNIT-INTEGRITY: no unit and no
// team member is in an active serious research-misconduct sanction or on a credit blacklist. A
// person's sanction counts when it is active on the submission day (the check day). The finding
// names the person to replace, never the sanction's kind, dates or decision (UNIT-INTEGRITY-PERSON):
// those are for the platform admin's eyes.
public sealed class UnitIntegrity : IEligibilityRule
{
    public string Id => "UNIT-INTEGRITY";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        foreach (var u in input.AllUnits().Where(u => u.IsCreditBlacklisted))
            yield return Findings.Unit(Id, u, u.Id == input.Proposal.LeadUnitId ? "LeadUnitId" : "Units");
        foreach (var (person, _, field) in input.Team())
        {
            if (input.ActiveSanctions(person).Count > 0)
                yield return Findings.Person(Id, person, field).WithCode("UNIT-INTEGRITY-PERSON");
        }
    }
}

// "同一项目须通过单个推荐单位申报，不得多头申报和重复申报" — UNIT-ONE-RECOMMENDER: one project goes through
// exactly one recommending unit; the same project (same lead unit, same title) may not be
// submitted twice. Counts the submitted, not withdrawn applications of the call.
public sealed class UnitOneRecommender : IEligibilityRule
{
    public string Id => "UNIT-ONE-RECOMMENDER";

    public static string NormalizeTitle(string title) =>
        string.Concat(title.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        var title = NormalizeTitle(input.Proposal.Title);
        if (title.Length == 0) yield break;
        var twins = input.OtherApplications
            .Where(a => a.Id != input.Proposal.Id && a.LeadUnitId == input.Proposal.LeadUnitId && NormalizeTitle(a.Title) == title)
            .ToList();
        if (twins.Count > 0)
            yield return Findings.Application(Id, input, "Title", ("title", input.Proposal.Title), ("count", twins.Count));
    }
}

// "推荐单位在本单位职能和业务范围内推荐" — RECOMMENDER-SCOPE: a provincial S&T department (the Xinjiang
// Production and Construction Corps' among them, with its own "province") recommends units in its
// province; a ministry's S&T department recommends units it supervises; an association or alliance
// recommends its members (EligibilityInput.RecommenderMembers: the member lists of the registry on
// the submission day). Nothing to check while no recommending unit is chosen.
public sealed class RecommenderScope : IEligibilityRule
{
    public string Id => "RECOMMENDER-SCOPE";

    // The one definition of the scope: the rule and the submit form's list of choices both use it.
    public static bool Covers(Unit recommender, Unit lead, bool leadIsMember) => recommender.Kind switch
    {
        UnitKind.ProvincialStDepartment => Same(lead.Province, recommender.Province),
        UnitKind.MinistryStDepartment => Same(lead.SupervisingMinistry, recommender.SupervisingMinistry),
        UnitKind.Association or UnitKind.Alliance => leadIsMember,
        // Not a recommending unit at all: it recommends nobody.
        _ => false,
    };

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Unit(input.RecommendingUnitId) is not { } recommender || input.LeadUnit is not { } lead) yield break;
        var member = input.RecommenderMembers?.Contains(lead.Id) == true;
        if (Covers(recommender, lead, member)) yield break;
        var finding = Findings.Unit(Id, recommender, "RecommendingUnitId", ("lead", lead.Name));
        yield return UnitMembership.HasMemberList(recommender.Kind) ? finding.WithCode("RECOMMENDER-SCOPE-MEMBER") : finding;
    }

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b?.Trim(), StringComparison.Ordinal);
}
