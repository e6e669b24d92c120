using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests.Eligibility;

public sealed class ForeignRulesTests
{
    [Fact]
    public void ForeignPartnerRequired_RefusesWithoutForeignUnit()
    {
        var f = new EligibilityFixture();
        f.Proposal.Units.Clear();
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("FOREIGN-PARTNER-REQUIRED", SubjectKind.Application, "Units"), (finding.RuleId, finding.SubjectKind, finding.Field));
    }

    [Theory]
    [InlineData(2016, 1, 10, false)] // exactly three years before 2019-01-10
    [InlineData(2016, 1, 11, true)]  // one day later
    public void ForeignPartnerAge_ThreeYearsToTheDay(int y, int m, int d, bool refused)
    {
        var f = new EligibilityFixture();
        f.Partner.RegistrationDate = new(y, m, d);
        Assert.Equal(refused, f.BlockingIds().Contains("FOREIGN-PARTNER-AGE"));
    }

    [Fact]
    public void ForeignPartnerAge_CountsFromTheSubmissionDay()
    {
        var f = new EligibilityFixture();
        f.Partner.RegistrationDate = new(2016, 1, 11);
        Assert.Contains("FOREIGN-PARTNER-AGE", f.BlockingIds());
        f.Day = new(2019, 1, 11);
        Assert.DoesNotContain("FOREIGN-PARTNER-AGE", f.BlockingIds());
    }

    [Fact]
    public void ForeignCooperationProof_MissingBlocks_PresentIsReviewed()
    {
        var f = new EligibilityFixture();
        Assert.Contains(f.Run(), x => x is { RuleId: "FOREIGN-COOPERATION-PROOF", Severity: Severity.Review });
        f.Attachments.Remove(AttachmentKind.CooperationProof);
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("FOREIGN-COOPERATION-PROOF", "Attachments.CooperationProof"), (finding.RuleId, finding.Field));
    }

    [Theory]
    [InlineData(1952, 12, 31, true)]
    [InlineData(1953, 1, 1, false)]
    public void ForeignLeadAge_AtTheCallsDate(int y, int m, int d, bool refused)
    {
        var f = new EligibilityFixture();
        f.ForeignLead.BirthDate = new(y, m, d);
        Assert.Equal(refused, f.BlockingIds().Contains("FOREIGN-LEAD-AGE"));
    }

    [Fact]
    public void ForeignLeadTime_RefusesWithoutSeniorPostOrPhd_AndWithoutAppointmentProof()
    {
        var f = new EligibilityFixture();
        f.ForeignLead.Title = ProfessionalTitle.Intermediate;
        f.ForeignLead.Degree = Degree.Master;
        f.Attachments.Remove(AttachmentKind.ForeignLeadAppointment);
        var codes = f.Blocking().Select(x => (x.RuleId, x.Code)).ToList();
        Assert.Equal([("FOREIGN-LEAD-TIME", "FOREIGN-LEAD-QUALIFICATION"), ("FOREIGN-LEAD-TIME", "FOREIGN-LEAD-TIME")], codes);
    }

    [Fact]
    public void ForeignLeadOnePartner_RefusesASecondDomesticLeadUnit_NotTheSameOne()
    {
        var f = new EligibilityFixture();
        f.Other(lead: f.Lead.Id, title: "别的题目", members: (f.ForeignLead, MemberRole.ForeignLead));
        Assert.Empty(f.Blocking());
        f.Other(title: "第三个", members: (f.ForeignLead, MemberRole.ForeignLead));
        Assert.Equal(["FOREIGN-LEAD-ONE-PARTNER"], f.BlockingIds());
    }

    [Fact]
    public void ForeignMemberLimit_AtTwoAcceptedAtThreeRefused()
    {
        var f = new EligibilityFixture();
        f.Other(members: (f.ForeignMember, MemberRole.ForeignMember));
        Assert.Empty(f.Blocking());
        f.Project(f.ForeignMember, OngoingRole.KeyMember, new(2020, 1, 1));
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("FOREIGN-MEMBER-LIMIT", "3", "2"), (finding.RuleId, finding.Args["count"], finding.Args["limit"]));
    }

    [Fact]
    public void ForeignLeadLimit_FlagsAForeignLeadWithOngoingProjectsForReview()
    {
        var f = new EligibilityFixture();
        var project = f.Project(f.ForeignLead, OngoingRole.KeyMember, new(2021, 1, 1));
        Assert.Empty(f.Blocking());
        var finding = Assert.Single(f.Run(), x => x.RuleId == "FOREIGN-LEAD-LIMIT");
        Assert.Equal((Severity.Review, project.ProjectCode), (finding.Severity, finding.Args["projects"]));
    }
}
