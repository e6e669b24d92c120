using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests.Eligibility;

public sealed class PiRulesTests
{
    [Theory]
    [InlineData(1957, 12, 31, true)]
    [InlineData(1958, 1, 1, false)]
    public void PiAge_AtTheCallsDate(int y, int m, int d, bool refused)
    {
        var f = new EligibilityFixture();
        f.Pi.BirthDate = new(y, m, d);
        Assert.Equal(refused, f.BlockingIds().Contains("PI-AGE"));
    }

    [Theory]
    [InlineData(ProfessionalTitle.Intermediate, Degree.Master, true)]
    [InlineData(ProfessionalTitle.AssociateSenior, Degree.Master, false)]
    [InlineData(ProfessionalTitle.Intermediate, Degree.Doctorate, false)]
    public void PiTitle_SeniorTitleOrDoctorate(ProfessionalTitle title, Degree degree, bool refused)
    {
        var f = new EligibilityFixture();
        f.Pi.Title = title;
        f.Pi.Degree = degree;
        Assert.Equal(refused, f.BlockingIds().Contains("PI-TITLE"));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void PiTime_SixMonths(int months, bool refused)
    {
        var f = new EligibilityFixture();
        f.Proposal.PiMonthsPerYear = months;
        Assert.Equal(refused, f.BlockingIds().Contains("PI-TIME"));
    }

    [Fact]
    public void PiNotCivilServant_RefusesACivilServant()
    {
        var f = new EligibilityFixture();
        f.Pi.IsCivilServant = true;
        Assert.Equal(["PI-NOT-CIVIL-SERVANT"], f.BlockingIds());
    }

    [Fact]
    public void PiOneApplication_RefusesASecondApplicationOfTheSamePerson_ByIdentityDocument()
    {
        var f = new EligibilityFixture();
        var twin = EligibilityFixture.Chinese("另一个名字", f.Pi.DocumentNumber, f.Pi.BirthDate);
        f.Other(pi: twin);
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("PI-ONE-APPLICATION", f.Pi.Id.ToString()), (finding.RuleId, finding.SubjectId));
    }

    [Theory]
    [InlineData(2019, 6, 30, false)] // ends on the cut-off: not ongoing
    [InlineData(2019, 7, 1, true)]   // ends the day after: ongoing
    public void PiNoOngoingLead_OngoingCutoff(int y, int m, int d, bool refused)
    {
        var f = new EligibilityFixture();
        f.Project(f.Pi, OngoingRole.TaskLeader, new(y, m, d), Programme.Program863);
        Assert.Equal(refused, f.BlockingIds().Contains("PI-NO-ONGOING-LEAD"));
    }

    [Fact]
    public void OngoingCutoff_CountsExtensions()
    {
        var f = new EligibilityFixture();
        var p = f.Project(f.Pi, OngoingRole.ProjectLeader, new(2019, 6, 30));
        Assert.Empty(f.Blocking());
        p.EndsOn = new(2019, 12, 31); // extended
        Assert.Contains("PI-NO-ONGOING-LEAD", f.BlockingIds());
    }

    [Fact]
    public void CallWithoutOngoingCutoff_CountsEveryProjectStillRunning()
    {
        var f = new EligibilityFixture();
        f.Project(f.Pi, OngoingRole.TaskLeader, new(2019, 6, 30));
        Assert.Empty(f.Blocking());
        f.Call.RuleIds.Remove("ONGOING-CUTOFF");
        Assert.Equal(["PI-NO-ONGOING-LEAD"], f.BlockingIds());
    }

    [Fact]
    public void KrdLeader_MayNotTakePartAtAll_ButATaskLeaderMay()
    {
        var f = new EligibilityFixture();
        f.Project(f.KeyMember, OngoingRole.TaskLeader, new(2021, 1, 1));
        Assert.DoesNotContain("KRD-LEADER-NO-PARTICIPATION", f.BlockingIds());
        f.Ongoing.Clear();
        f.Project(f.KeyMember, OngoingRole.ProjectLeader, new(2021, 1, 1));
        var finding = Assert.Single(f.Blocking(), x => x.RuleId == "KRD-LEADER-NO-PARTICIPATION");
        Assert.Equal((SubjectKind.Person, f.KeyMember.Id.ToString()), (finding.SubjectKind, finding.SubjectId));
    }

    [Fact]
    public void KeyMemberLimit_AtTwoAcceptedAtThreeRefused()
    {
        var f = new EligibilityFixture();
        f.Project(f.KeyMember, OngoingRole.KeyMember, new(2020, 1, 1));
        Assert.Empty(f.Blocking()); // this application + 1 ongoing = 2
        f.Other(members: (f.KeyMember, MemberRole.KeyMember));
        var finding = Assert.Single(f.Blocking()); // + 1 submitted application = 3
        Assert.Equal(("KEY-MEMBER-LIMIT", "3", "2", "1"), (finding.RuleId, finding.Args["count"], finding.Args["applications"], finding.Args["ongoing"]));
    }

    [Fact]
    public void KeyMemberLimit_DoesNotCountAProjectEndingOnTheCutoff()
    {
        var f = new EligibilityFixture();
        f.Project(f.KeyMember, OngoingRole.KeyMember, new(2020, 1, 1));
        f.Project(f.KeyMember, OngoingRole.KeyMember, new(2019, 6, 30));
        Assert.Empty(f.Blocking());
    }

    [Fact]
    public void LeftTeamBar_DuringTheOriginalPeriodOnly()
    {
        var f = new EligibilityFixture();
        var p = f.Project(f.KeyMember, OngoingRole.KeyMember, new(2019, 1, 10));
        p.LeftTeamOn = new(2018, 5, 1);
        Assert.Equal(["LEFT-TEAM-BAR"], f.BlockingIds());
        p.OriginalEndsOn = new(2019, 1, 9);
        Assert.Empty(f.Blocking());
    }

    [Fact]
    public void GuideExpertBar_WithoutData_FindsNothing_WithDataRefusesTheExpert()
    {
        var f = new EligibilityFixture();
        Assert.Empty(f.Blocking());
        f.GuideExperts.Add(PersonKey.Of(f.KeyMember));
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("GUIDE-EXPERT-BAR", f.KeyMember.Id.ToString()), (finding.RuleId, finding.SubjectId));
    }

    [Fact]
    public void ForeignPiEmployment_FlagsAForeignPiForReview()
    {
        var f = new EligibilityFixture();
        f.Pi.DocumentType = IdentityDocumentType.Passport;
        f.Pi.Nationality = "DE";
        Assert.Empty(f.Blocking());
        Assert.Contains(f.Run(), x => x is { RuleId: "FOREIGN-PI-EMPLOYMENT", Severity: Severity.Review, Code: "FOREIGN-PI-EMPLOYMENT-MISSING" });
        f.Attachments.Add(AttachmentKind.EmploymentProof);
        Assert.Contains(f.Run(), x => x is { RuleId: "FOREIGN-PI-EMPLOYMENT", Severity: Severity.Review, Code: "FOREIGN-PI-EMPLOYMENT" });
    }
}
