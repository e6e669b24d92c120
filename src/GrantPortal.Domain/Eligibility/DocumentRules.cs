using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Eligibility;

// "项目应整体申报，须覆盖相应指南方向的全部考核指标" — DIRECTION-INDICATORS: the pre-proposal answers each
// assessment indicator of its direction; an unanswered indicator blocks.
public sealed class DirectionIndicators : IEligibilityRule
{
    public string Id => "DIRECTION-INDICATORS";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.Direction is not { } direction) yield break;
        for (var i = 0; i < direction.Indicators.Count; i++)
        {
            var index = i;
            if (!input.Proposal.IndicatorAnswers.Any(a => a.IndicatorIndex == index && !string.IsNullOrWhiteSpace(a.Answer)))
                yield return Findings.Application(Id, input, $"IndicatorAnswers[{i}]", ("number", i + 1), ("indicator", direction.Indicators[i]));
        }
    }
}

// "所有参与单位签署的联合申报协议，并注明签署时间" — DOC-JOINT-AGREEMENT: a joint application agreement signed
// by all participating units, with its signing date.
public sealed class DocJointAgreement : IEligibilityRule
{
    public string Id => "DOC-JOINT-AGREEMENT";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (!input.Attachments.Contains(AttachmentKind.JointAgreement))
            yield return Findings.Document(Id, AttachmentKind.JointAgreement);
        else if (!input.JointAgreementHasSigningDate)
            yield return Findings.Document(Id, AttachmentKind.JointAgreement).WithCode("DOC-JOINT-AGREEMENT-DATE");
    }
}

// "项目牵头申报单位和项目负责人签署的科研诚信承诺书" — DOC-INTEGRITY: integrity commitments signed by the lead
// unit and by the PI.
public sealed class DocIntegrity : IEligibilityRule
{
    public string Id => "DOC-INTEGRITY";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        foreach (var kind in new[] { AttachmentKind.UnitIntegrity, AttachmentKind.PiIntegrity })
        {
            if (!input.Attachments.Contains(kind)) yield return Findings.Document(Id, kind);
        }
    }
}

// "关于知识产权归属及商业化收益分配的协议（或意向书、备忘录）" — DOC-IP-AGREEMENT: an agreement (or letter of
// intent, memorandum) on ownership of future IP and of returns from commercialisation.
public sealed class DocIpAgreement : IEligibilityRule
{
    public string Id => "DOC-IP-AGREEMENT";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (!input.Attachments.Contains(AttachmentKind.IpAgreement))
            yield return Findings.Document(Id, AttachmentKind.IpAgreement);
    }
}

// "企业牵头申报的，应说明配套资金比例" — DOC-ENTERPRISE-MATCHING: an enterprise lead states its matching-funds
// ratio.
public sealed class DocEnterpriseMatching : IEligibilityRule
{
    public string Id => "DOC-ENTERPRISE-MATCHING";

    public IEnumerable<Finding> Check(EligibilityInput input)
    {
        if (input.LeadUnit is { Kind: UnitKind.Enterprise } lead && input.Proposal.MatchingFundsPercent is null)
            yield return Findings.Unit(Id, lead, "MatchingFundsPercent");
    }
}
