using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests.Eligibility;

public sealed class UnitRulesTests
{
    [Theory]
    [InlineData(2017, 9, 30, false)]
    [InlineData(2017, 10, 1, true)]
    public void UnitRegDate_AtTheCutoff(int y, int m, int d, bool refused)
    {
        var f = new EligibilityFixture();
        f.Lead.RegistrationDate = new(y, m, d);
        Assert.Equal(refused, f.BlockingIds().Contains("UNIT-REG-DATE"));
    }

    [Fact]
    public void UnitRegDate_NamesTheUnitAndTheField()
    {
        var f = new EligibilityFixture();
        f.Lead.RegistrationDate = new(2017, 10, 1);
        var finding = Assert.Single(f.Blocking());
        Assert.Equal((SubjectKind.Unit, f.Lead.Id.ToString(), "LeadUnitId"), (finding.SubjectKind, finding.SubjectId, finding.Field));
        Assert.Equal("2017-09-30", finding.Args["cutoff"]);
    }

    [Fact]
    public void UnitMainland_RefusesForeignLeadAndOtherDomesticKinds()
    {
        var f = new EligibilityFixture();
        var other = new Unit { Name = "某协会", Kind = UnitKind.OtherDomestic, SocialCreditCode = "X", RegistrationDate = new(2000, 1, 1) };
        f.ExtraUnits.Add(other);
        f.Proposal.Units.Add(new() { UnitId = other.Id, SortOrder = 2 });
        Assert.Equal(["UNIT-MAINLAND"], f.BlockingIds());

        f.Lead.Kind = UnitKind.ForeignUniversity;
        Assert.Equal(2, f.BlockingIds().Count(id => id == "UNIT-MAINLAND"));
    }

    [Fact]
    public void UnitNotStateOrgan_RefusesAParticipatingStateOrgan()
    {
        var f = new EligibilityFixture();
        var organ = new Unit { Name = "某局", Kind = UnitKind.StateOrgan, SocialCreditCode = "Y", RegistrationDate = new(2000, 1, 1), IsStateOrgan = true };
        f.ExtraUnits.Add(organ);
        f.Proposal.Units.Add(new() { UnitId = organ.Id, SortOrder = 2 });
        Assert.Contains("UNIT-NOT-STATE-ORGAN", f.BlockingIds());
    }

    [Fact]
    public void UnitIntegrity_RefusesABlacklistedUnit()
    {
        var f = new EligibilityFixture();
        f.Partner.IsCreditBlacklisted = true;
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("UNIT-INTEGRITY", f.Partner.Id.ToString()), (finding.RuleId, finding.SubjectId));
    }

    [Fact]
    public void UnitOneRecommender_RefusesTheSameProjectOfTheSameLeadUnit()
    {
        var f = new EligibilityFixture();
        f.Other(lead: f.Lead.Id, title: " 中德储能 联合研究");
        Assert.Equal(["UNIT-ONE-RECOMMENDER"], f.BlockingIds());
    }

    [Fact]
    public void UnitOneRecommender_AcceptsTheSameTitleOfAnotherLeadUnit()
    {
        var f = new EligibilityFixture();
        f.Other(title: "中德储能联合研究");
        Assert.Empty(f.Blocking());
    }

    [Fact]
    public void RecommenderScope_RefusesAProvinceOutsideItsProvince()
    {
        var f = new EligibilityFixture();
        f.Lead.Province = "上海";
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("RECOMMENDER-SCOPE", "RecommendingUnitId"), (finding.RuleId, finding.Field));
    }

    [Fact]
    public void RecommenderScope_MinistryRecommendsTheUnitsItSupervises()
    {
        var f = new EligibilityFixture();
        f.Recommender.Kind = UnitKind.MinistryStDepartment;
        f.Recommender.SupervisingMinistry = "教育部";
        f.Lead.SupervisingMinistry = "教育部";
        Assert.Empty(f.Blocking());
        f.Lead.SupervisingMinistry = "中国科学院";
        Assert.Equal(["RECOMMENDER-SCOPE"], f.BlockingIds());
    }

    [Fact]
    public void RecommenderScope_RefusesAUnitThatRecommendsNobody()
    {
        var f = new EligibilityFixture();
        f.Recommender.Kind = UnitKind.University;
        Assert.Equal(["RECOMMENDER-SCOPE"], f.BlockingIds());
    }
}
