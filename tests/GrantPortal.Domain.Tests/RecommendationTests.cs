using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Domain.Tests.Eligibility;

namespace GrantPortal.Domain.Tests;

// The recommending unit's decisions (DOMAIN.md "The application's life", PRE-WINDOW) and
// RECOMMENDER-SCOPE for associations and alliances.
public sealed class RecommendationTests
{
    private static readonly Actor Officer = new(Guid.NewGuid(), "赵敏");

    private static PreProposal Submitted() => new() { State = ApplicationState.Submitted, SubmissionNumber = "2018-SIC-AAAA-BBBB" };

    [Fact]
    public void Deadline2018_LastMinuteOfJanuary16Accepted_MidnightRefused()
    {
        var call = TestData.Call2018();
        call.RecommenderDeadline = BeijingTime.EndOfDay(new DateOnly(2019, 1, 16));
        var lastMinute = BeijingTime.At(new DateOnly(2019, 1, 16), new TimeOnly(23, 59));
        var midnight = BeijingTime.At(new DateOnly(2019, 1, 17), TimeOnly.MinValue);

        Assert.Empty(Recommendation.Decide(Submitted(), call, Decision.Endorse, null, false, lastMinute, Officer));
        var refused = Recommendation.Decide(Submitted(), call, Decision.Endorse, null, false, midnight, Officer);
        Assert.Equal([Recommendation.DeadlinePassed], refused.Select(e => e.Code));
        Assert.Equal("2019-01-17 00:00", refused[0].Args!["deadline"]);
        Assert.Equal([Recommendation.DeadlinePassed], Recommendation.CheckSend(call, 1, midnight).Select(e => e.Code));
        Assert.Empty(Recommendation.CheckSend(call, 1, lastMinute));
    }

    [Theory]
    [InlineData(Decision.Return, ApplicationState.Returned)]
    [InlineData(Decision.Decline, ApplicationState.NotEndorsed)]
    public void ReturnAndDecline_NeedAReason_AndRecordIt(Decision decision, ApplicationState to)
    {
        var call = TestData.Call2018();
        var now = call.RecommenderDeadline.AddDays(-1);
        var p = Submitted();
        Assert.Equal([Recommendation.ReasonRequired], Recommendation.Decide(p, call, decision, " ", false, now, Officer).Select(e => e.Code));
        Assert.Equal(ApplicationState.Submitted, p.State);

        Assert.Empty(Recommendation.Decide(p, call, decision, " 缺少材料 ", false, now, Officer));
        var t = Assert.Single(p.Transitions);
        Assert.Equal((ApplicationState.Submitted, to, "缺少材料", "赵敏", now), (t.From, t.To, t.Reason, t.ByName, t.At));
    }

    [Fact]
    public void SentDecision_CannotBeChanged_UnsentCan()
    {
        var call = TestData.Call2018();
        var now = call.RecommenderDeadline.AddDays(-1);
        var p = Submitted();
        Assert.Empty(Recommendation.Decide(p, call, Decision.Endorse, null, false, now, Officer));
        Assert.Equal([Recommendation.AlreadySent], Recommendation.Decide(p, call, Decision.Decline, "x", true, now, Officer).Select(e => e.Code));
        Assert.Equal(["APP-STATE"], Recommendation.Decide(p, call, Decision.Endorse, null, false, now, Officer).Select(e => e.Code));
        Assert.Empty(Recommendation.Decide(p, call, Decision.Decline, "改为不推荐", false, now, Officer));
        Assert.Equal(ApplicationState.NotEndorsed, p.State);
    }

    [Fact]
    public void ReturnedApplication_IsReopenedByThePi()
    {
        var p = Submitted();
        p.State = ApplicationState.Returned;
        Assert.Empty(Lifecycle.Reopen(p, DateTimeOffset.UnixEpoch, Officer));
        Assert.Equal(ApplicationState.Draft, p.State);
    }

    [Theory]
    [InlineData(UnitKind.Association)]
    [InlineData(UnitKind.Alliance)]
    public void RecommenderScope_AssociationOrAlliance_RecommendsItsMembersOnly(UnitKind kind)
    {
        var f = new EligibilityFixture();
        f.Recommender.Kind = kind;
        f.Recommender.Province = null;
        var notMember = Assert.Single(f.Blocking());
        Assert.Equal(("RECOMMENDER-SCOPE", "RECOMMENDER-SCOPE-MEMBER"), (notMember.RuleId, notMember.Code));

        Assert.DoesNotContain(RuleSet.Run(f.Input() with { RecommenderMembers = new HashSet<Common.UnitId> { f.Lead.Id } }), x => x.IsBlocking);
    }

    [Fact]
    public void Membership_IsActiveFromItsFirstToItsLastDay()
    {
        var m = new UnitMembership { From = new DateOnly(2018, 1, 1), Until = new DateOnly(2019, 1, 16) };
        Assert.False(m.IsActiveOn(new DateOnly(2017, 12, 31)));
        Assert.True(m.IsActiveOn(new DateOnly(2018, 1, 1)));
        Assert.True(m.IsActiveOn(new DateOnly(2019, 1, 16)));
        Assert.False(m.IsActiveOn(new DateOnly(2019, 1, 17)));
    }
}
