using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests.Eligibility;

public sealed class DocumentRulesTests
{
    [Fact]
    public void DirectionIndicators_EachUnansweredIndicatorBlocks()
    {
        var f = new EligibilityFixture();
        f.Proposal.IndicatorAnswers[1].Answer = "  ";
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("DIRECTION-INDICATORS", "IndicatorAnswers[1]", "2"), (finding.RuleId, finding.Field, finding.Args["number"]));
    }

    [Fact]
    public void DocJointAgreement_MissingOrWithoutSigningDate()
    {
        var f = new EligibilityFixture();
        f.SigningDate = false;
        Assert.Equal("DOC-JOINT-AGREEMENT-DATE", Assert.Single(f.Blocking()).Code);
        f.Attachments.Remove(AttachmentKind.JointAgreement);
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("DOC-JOINT-AGREEMENT", SubjectKind.Document, "Attachments.JointAgreement"), (finding.Code, finding.SubjectKind, finding.Field));
    }

    [Fact]
    public void DocIntegrity_BothCommitments()
    {
        var f = new EligibilityFixture();
        f.Attachments.Remove(AttachmentKind.PiIntegrity);
        Assert.Equal("Attachments.PiIntegrity", Assert.Single(f.Blocking()).Field);
    }

    [Fact]
    public void DocIpAgreement_Missing()
    {
        var f = new EligibilityFixture();
        f.Attachments.Remove(AttachmentKind.IpAgreement);
        Assert.Equal(["DOC-IP-AGREEMENT"], f.BlockingIds());
    }

    [Fact]
    public void DocEnterpriseMatching_OnlyForAnEnterpriseLead()
    {
        var f = new EligibilityFixture();
        Assert.Empty(f.Blocking());
        f.Lead.Kind = UnitKind.Enterprise;
        Assert.Equal(["DOC-ENTERPRISE-MATCHING"], f.BlockingIds());
        f.Proposal.MatchingFundsPercent = 20;
        Assert.Empty(f.Blocking());
    }
}
