using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests.Eligibility;

// The data behind FOREIGN-LEAD-AGE (the exception claim), GUIDE-EXPERT-BAR (the call's list) and
// UNIT-INTEGRITY (sanctions of people), at their edges. The fixture is submitted on 2019-01-10.
public sealed class RulesDataTests
{
    private static EligibilityFixture ForeignLeadBorn(int y, int m, int d)
    {
        var f = new EligibilityFixture();
        f.ForeignLead.BirthDate = new(y, m, d);
        return f;
    }

    [Fact]
    public void ForeignLeadAge_BornTheDayBefore_WithoutClaim_BlocksAndPointsToTheClaim()
    {
        var f = ForeignLeadBorn(1952, 12, 31);
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("FOREIGN-LEAD-AGE", "FOREIGN-LEAD-AGE", "ForeignLeadException", f.ForeignLead.Id.ToString()),
            (finding.RuleId, finding.Code, finding.Field, finding.SubjectId));
    }

    [Theory]
    [InlineData(ForeignLeadException.NobelLaureate, "FOREIGN-LEAD-AGE-EXCEPTION-NOBELLAUREATE")]
    [InlineData(ForeignLeadException.TuringLaureate, "FOREIGN-LEAD-AGE-EXCEPTION-TURINGLAUREATE")]
    [InlineData(ForeignLeadException.FieldsMedalist, "FOREIGN-LEAD-AGE-EXCEPTION-FIELDSMEDALIST")]
    [InlineData(ForeignLeadException.PartnerAcademician, "FOREIGN-LEAD-AGE-EXCEPTION-PARTNERACADEMICIAN")]
    [InlineData(ForeignLeadException.RenownedScholar, "FOREIGN-LEAD-AGE-EXCEPTION-RENOWNEDSCHOLAR")]
    [InlineData(ForeignLeadException.KeyPerson, "FOREIGN-LEAD-AGE-EXCEPTION-KEYPERSON")]
    public void ForeignLeadAge_BornBefore_WithClaimAndStatement_IsReviewWithTheEvidence(ForeignLeadException kind, string code)
    {
        var f = ForeignLeadBorn(1940, 1, 1);
        f.Proposal.ForeignLeadException = kind;
        f.Proposal.ForeignLeadStatement = "  2001 年诺贝尔化学奖获得者，附颁奖证明。 ";

        Assert.Empty(f.Blocking());
        var finding = Assert.Single(f.Run(), x => x.RuleId == "FOREIGN-LEAD-AGE");
        Assert.Equal((Severity.Review, code), (finding.Severity, finding.Code));
        Assert.Equal(kind.ToString(), finding.Args["exception"]);
        Assert.Equal("2001 年诺贝尔化学奖获得者，附颁奖证明。", finding.Args["statement"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ForeignLeadAge_ClaimWithoutStatement_StillBlocks(string statement)
    {
        var f = ForeignLeadBorn(1952, 12, 31);
        f.Proposal.ForeignLeadException = ForeignLeadException.RenownedScholar;
        f.Proposal.ForeignLeadStatement = statement;
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("FOREIGN-LEAD-AGE", "FOREIGN-LEAD-AGE-STATEMENT", "ForeignLeadStatement"), (finding.RuleId, finding.Code, finding.Field));
    }

    [Fact]
    public void ForeignLeadAge_BornOnTheDate_WithAClaim_FindsNothing()
    {
        var f = ForeignLeadBorn(1953, 1, 1);
        f.Proposal.ForeignLeadException = ForeignLeadException.KeyPerson;
        f.Proposal.ForeignLeadStatement = "说明";
        Assert.DoesNotContain(f.Run(), x => x.RuleId == "FOREIGN-LEAD-AGE");
    }

    [Fact]
    public void ForeignLeadAge_ACallWithoutTheRule_IgnoresAgeAndClaim()
    {
        var f = ForeignLeadBorn(1940, 1, 1);
        f.Call.RuleIds.Remove("FOREIGN-LEAD-AGE");
        Assert.DoesNotContain(f.Run(), x => x.RuleId == "FOREIGN-LEAD-AGE");
    }

    [Fact]
    public void GuideExpertBar_MatchesByIdentityDocument_NotByRegistryRow()
    {
        var f = new EligibilityFixture();
        // Another registry row of the same passport (lower case, spaces): the same person.
        f.GuideExperts.Add(new PersonKey(f.ForeignMember.DocumentType, PersonKey.Normalize(" " + f.ForeignMember.DocumentNumber.ToLowerInvariant())));
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("GUIDE-EXPERT-BAR", f.ForeignMember.Id.ToString(), "Members"), (finding.RuleId, finding.SubjectId, finding.Field));
    }

    [Fact]
    public void GuideExpertBar_ThePiAndAMember_EachReported()
    {
        var f = new EligibilityFixture();
        f.GuideExperts.Add(PersonKey.Of(f.Pi));
        f.GuideExperts.Add(PersonKey.Of(f.KeyMember));
        var findings = f.Blocking();
        Assert.Equal([("GUIDE-EXPERT-BAR", "PiPersonId"), ("GUIDE-EXPERT-BAR", "Members")], findings.Select(x => (x.RuleId, x.Field!)));
    }

    [Fact]
    public void GuideExpertBar_SameNumberOtherDocumentType_IsAnotherPerson()
    {
        var f = new EligibilityFixture();
        f.GuideExperts.Add(new PersonKey(IdentityDocumentType.HongKongMacaoPermit, f.ForeignMember.DocumentNumber));
        Assert.Empty(f.Blocking());
    }

    private static PersonSanction Sanction(Person p, DateOnly from, DateOnly? until, SanctionKind kind = SanctionKind.ResearchMisconduct) =>
        new() { PersonId = p.Id, Kind = kind, StartsOn = from, EndsOn = until, Reference = "国科监〔2018〕1号" };

    [Theory]
    [InlineData(2018, 1, 1, 2019, 1, 9, false)]   // ended the day before the check day
    [InlineData(2018, 1, 1, 2019, 1, 10, true)]   // ends on the check day
    [InlineData(2019, 1, 10, 2020, 1, 1, true)]   // starts on the check day
    [InlineData(2019, 1, 11, 2020, 1, 1, false)]  // starts the day after
    public void UnitIntegrity_PersonSanction_AtItsEdges(int fy, int fm, int fd, int uy, int um, int ud, bool refused)
    {
        var f = new EligibilityFixture();
        f.Sanctions.Add(Sanction(f.KeyMember, new(fy, fm, fd), new(uy, um, ud)));
        Assert.Equal(refused, f.BlockingIds().Contains("UNIT-INTEGRITY"));
    }

    [Fact]
    public void UnitIntegrity_OpenEndedBlacklistEntry_NamesThePersonOnly()
    {
        var f = new EligibilityFixture();
        f.Sanctions.Add(Sanction(f.Pi, new(2015, 1, 1), null, SanctionKind.CreditBlacklist));
        var finding = Assert.Single(f.Blocking());
        Assert.Equal(("UNIT-INTEGRITY", "UNIT-INTEGRITY-PERSON", SubjectKind.Person, f.Pi.Id.ToString(), "PiPersonId"),
            (finding.RuleId, finding.Code, finding.SubjectKind, finding.SubjectId, finding.Field));
        // The applicant learns whom to replace, never the sanction's kind, dates or decision.
        Assert.Equal(["person"], finding.Args.Keys);
    }

    [Fact]
    public void UnitIntegrity_EveryBarredMemberAndUnit_IsReported()
    {
        var f = new EligibilityFixture();
        f.Partner.IsCreditBlacklisted = true;
        f.Sanctions.Add(Sanction(f.KeyMember, new(2018, 1, 1), null));
        f.Sanctions.Add(Sanction(f.ForeignLead, new(2018, 6, 1), new(2019, 6, 1), SanctionKind.CreditBlacklist));
        var subjects = f.Blocking().Where(x => x.RuleId == "UNIT-INTEGRITY").Select(x => x.SubjectId).ToList();
        Assert.Equal([f.Partner.Id.ToString(), f.KeyMember.Id.ToString(), f.ForeignLead.Id.ToString()], subjects);
    }

    [Fact]
    public void UnitIntegrity_SanctionOfSomeoneNotOnTheTeam_IsIgnored()
    {
        var f = new EligibilityFixture();
        var outsider = EligibilityFixture.Chinese("外人", "110105196001011234", new(1960, 1, 1));
        f.Sanctions.Add(Sanction(outsider, new(2018, 1, 1), null));
        Assert.Empty(f.Blocking());
    }

    [Theory]
    [InlineData(2019, 1, 9, false)]
    [InlineData(2019, 1, 10, true)]
    [InlineData(2019, 1, 20, true)]
    [InlineData(2019, 1, 21, false)]
    public void PersonSanction_IsActiveFromItsFirstToItsLastDay(int y, int m, int d, bool active)
    {
        var s = new PersonSanction { StartsOn = new(2019, 1, 10), EndsOn = new(2019, 1, 20) };
        Assert.Equal(active, s.IsActiveOn(new(y, m, d)));
    }
}
