using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Tests;

// PreProposal.SentAt: set when the recommending unit's batch takes the application (the Exchange
// Center sees it from then on), cleared by a new submission after withdrawal and reopening.
public sealed class SentToExchangeCenterTests
{
    private static readonly Actor Officer = new(Guid.NewGuid(), "赵敏");

    [Fact]
    public void MarkSent_SetsSentAt_KeepsTheState_NewSubmissionStartsUnsent()
    {
        var call = TestData.Call2018();
        var sentAt = call.PreWindowCloses.AddDays(-3);
        var p = new PreProposal { State = ApplicationState.Endorsed, SubmissionNumber = "2018-SIC-AAAA-BBBB" };

        Recommendation.MarkSent(p, sentAt, Officer);

        Assert.Equal(sentAt, p.SentAt);
        Assert.Equal(ApplicationState.Endorsed, p.State);
        Assert.Empty(Lifecycle.Withdraw(p, "合作方变更", sentAt.AddHours(1), Officer));
        Assert.Empty(Lifecycle.Reopen(p, sentAt.AddHours(2), Officer));
        p.State = ApplicationState.Complete;
        var resubmitted = Lifecycle.Submit(p, call, new UnitId(Guid.NewGuid()), true, "2018-SIC-CCCC-DDDD", "hash", call.PreWindowCloses.AddMinutes(-1), Officer);
        Assert.Empty(resubmitted);
        Assert.Null(p.SentAt);
    }
}
