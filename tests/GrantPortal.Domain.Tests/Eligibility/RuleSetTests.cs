using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests.Eligibility;

public sealed class RuleSetTests
{
    [Fact]
    public void EligibleProposal_HasNoBlockingFinding_AndOnlyTheCooperationProofToReview()
    {
        var f = new EligibilityFixture();
        Assert.Empty(f.Blocking());
        var review = Assert.Single(f.Run());
        Assert.Equal(("FOREIGN-COOPERATION-PROOF", Severity.Review, "FOREIGN-COOPERATION-PROOF-REVIEW"), (review.RuleId, review.Severity, review.Code));
    }

    [Fact]
    public void RuleSet_HoldsEveryRuleOfTheGuide_OnceEach()
    {
        string[] guide =
        [
            "UNIT-MAINLAND", "UNIT-REG-DATE", "UNIT-NOT-STATE-ORGAN", "UNIT-INTEGRITY", "UNIT-ONE-RECOMMENDER", "RECOMMENDER-SCOPE",
            "FOREIGN-PARTNER-REQUIRED", "FOREIGN-PARTNER-AGE", "FOREIGN-COOPERATION-PROOF", "FOREIGN-LEAD-AGE", "FOREIGN-LEAD-TIME",
            "FOREIGN-LEAD-ONE-PARTNER", "FOREIGN-MEMBER-LIMIT", "FOREIGN-LEAD-LIMIT",
            "PI-AGE", "PI-TITLE", "PI-TIME", "PI-NOT-CIVIL-SERVANT", "PI-ONE-APPLICATION", "PI-NO-ONGOING-LEAD",
            "KRD-LEADER-NO-PARTICIPATION", "KEY-MEMBER-LIMIT", "LEFT-TEAM-BAR", "ONGOING-CUTOFF", "GUIDE-EXPERT-BAR", "FOREIGN-PI-EMPLOYMENT",
            "DIRECTION-INDICATORS", "DOC-JOINT-AGREEMENT", "DOC-INTEGRITY", "DOC-IP-AGREEMENT", "DOC-ENTERPRISE-MATCHING",
        ];
        Assert.Equal(guide.Order(), RuleSet.Ids.Order());
    }

    [Fact]
    public void SeveralBrokenRules_AreAllReported()
    {
        var f = new EligibilityFixture();
        f.Pi.BirthDate = new(1950, 1, 1);
        f.Pi.Title = ProfessionalTitle.Intermediate;
        f.Pi.Degree = Degree.Master;
        f.Lead.RegistrationDate = new(2018, 1, 1);
        f.Proposal.PiMonthsPerYear = 3;
        f.Attachments.Remove(AttachmentKind.IpAgreement);
        f.Attachments.Remove(AttachmentKind.UnitIntegrity);
        f.Attachments.Remove(AttachmentKind.PiIntegrity);
        f.Proposal.IndicatorAnswers.Clear();

        var ids = f.BlockingIds();

        Assert.Equal(["DIRECTION-INDICATORS", "DIRECTION-INDICATORS", "DOC-INTEGRITY", "DOC-INTEGRITY", "DOC-IP-AGREEMENT", "PI-AGE", "PI-TIME", "PI-TITLE", "UNIT-REG-DATE"], ids.Order());
    }

    [Fact]
    public void CallWithoutTheRule_DoesNotReportIt()
    {
        var f = new EligibilityFixture();
        f.Pi.BirthDate = new(1950, 1, 1);
        Assert.Contains("PI-AGE", f.BlockingIds());

        f.Call.RuleIds.Remove("PI-AGE");

        Assert.DoesNotContain("PI-AGE", f.BlockingIds());
    }

    [Fact]
    public void CallWithOtherDates_ChangesTheVerdicts()
    {
        var f = new EligibilityFixture();
        f.Pi.BirthDate = new(1960, 6, 1);
        f.Lead.RegistrationDate = new(2018, 3, 1);
        f.Project(f.KeyMember, OngoingRole.KeyMember, new(2020, 12, 31));
        f.Project(f.KeyMember, OngoingRole.KeyMember, new(2021, 12, 31));
        Assert.Equal(["KEY-MEMBER-LIMIT", "UNIT-REG-DATE"], f.BlockingIds().Order());

        // Another call: later cut-offs, a younger PI limit, a larger key-member limit.
        f.Call.UnitRegistrationCutoff = new(2018, 6, 30);
        f.Call.PiBornOnOrAfter = new(1965, 1, 1);
        f.Call.KeyMemberLimit = 3;

        Assert.Equal(["PI-AGE"], f.BlockingIds());
    }

    [Fact]
    public void EmptyRuleSet_FindsNothing()
    {
        var f = new EligibilityFixture();
        f.Pi.BirthDate = new(1900, 1, 1);
        f.Attachments.Clear();
        f.Call.RuleIds.Clear();
        Assert.Empty(f.Run());
    }

    [Fact]
    public void EmptyDraft_DoesNotThrow_AndReportsTheMissingDocuments()
    {
        var f = new EligibilityFixture();
        f.Proposal.PiPersonId = null;
        f.Proposal.Members.Clear();
        f.Proposal.Units.Clear();
        f.Proposal.Title = "";
        f.Proposal.PiMonthsPerYear = null;
        f.Attachments.Clear();
        var input = f.Input() with { RecommendingUnitId = null, Direction = null };

        var ids = RuleSet.Run(input).Select(x => x.RuleId).ToList();

        Assert.Contains("FOREIGN-PARTNER-REQUIRED", ids);
        Assert.Contains("DOC-JOINT-AGREEMENT", ids);
        Assert.DoesNotContain("PI-AGE", ids);
    }
}
