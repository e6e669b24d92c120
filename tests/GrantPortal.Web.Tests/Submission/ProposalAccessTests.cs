using System.Security.Claims;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;

namespace GrantPortal.Web.Tests.Submission;

// ProposalAccess.CanView is written out for speed (the deadline benchmark): it must say exactly
// what VisibleTo, the query every list uses, says. Every role, with and without a unit, as owner,
// co-editor, of the lead unit, of the recommending unit or of neither, over every state.
public sealed class ProposalAccessTests
{
    private sealed class User(Guid? id, UnitId? unit, params string[] roles) : ICurrentUser
    {
        public ClaimsPrincipal Principal { get; } = new(new ClaimsIdentity());
        public Guid? UserId => id;
        public string Name => "test";
        public UnitId? UnitId => unit;
        public bool IsInRole(string role) => roles.Contains(role);
        public override string ToString() => $"{id} {unit} [{string.Join(",", roles)}]";
    }

    [Fact]
    public void CanView_AgreesWithVisibleTo_ForEveryRoleRelationAndState()
    {
        var owner = Guid.NewGuid();
        var coEditor = Guid.NewGuid();
        var lead = new UnitId(Guid.NewGuid());
        var recommending = new UnitId(Guid.NewGuid());
        var other = new UnitId(Guid.NewGuid());
        var users = new List<ICurrentUser> { new User(null, null) };
        foreach (var role in Roles.All)
        {
            foreach (var id in new Guid?[] { owner, coEditor, Guid.NewGuid(), null })
            {
                foreach (var unit in new UnitId?[] { lead, recommending, other, null }) users.Add(new User(id, unit, role));
            }
        }
        users.Add(new User(Guid.NewGuid(), recommending, Roles.RecommenderOfficer, Roles.ExchangeCenterStaff));

        var checkedPairs = 0;
        var visible = 0;
        foreach (var state in Enum.GetValues<ApplicationState>())
        {
            foreach (var (addressed, sent) in new[] { (true, true), (true, false), (false, false) })
            {
                var p = new PreProposal
                {
                    OwnerUserId = owner, LeadUnitId = lead, State = state, RecommendingUnitId = addressed ? recommending : null,
                    CoEditors = [new CoEditor { UserId = coEditor }], SentAt = sent ? DateTimeOffset.UnixEpoch : null,
                };
                foreach (var user in users)
                {
                    var expected = new[] { p }.AsQueryable().VisibleTo(user).Any();
                    Assert.True(expected == ProposalAccess.CanView(p, user), $"{state} addressed={addressed} sent={sent} {user}: VisibleTo says {expected}");
                    checkedPairs++;
                    if (expected) visible++;
                }
            }
        }
        // Both answers occur: the comparison means something.
        Assert.InRange(visible, 1, checkedPairs - 1);
    }

    // The Exchange Center sees what a recommending unit sent, never an endorsed application still
    // waiting at the recommending unit.
    [Theory]
    [InlineData(ApplicationState.Endorsed, false, false)]
    [InlineData(ApplicationState.Endorsed, true, true)]
    [InlineData(ApplicationState.Accepted, true, true)]
    [InlineData(ApplicationState.Submitted, false, false)]
    [InlineData(ApplicationState.Withdrawn, true, false)]
    public void ExchangeCenter_SeesOnlyWhatWasSent(ApplicationState state, bool sent, bool visible)
    {
        var staff = new User(Guid.NewGuid(), new UnitId(Guid.NewGuid()), Roles.ExchangeCenterStaff);
        var p = new PreProposal
        {
            OwnerUserId = Guid.NewGuid(), LeadUnitId = new UnitId(Guid.NewGuid()), State = state,
            RecommendingUnitId = new UnitId(Guid.NewGuid()), SentAt = sent ? DateTimeOffset.UnixEpoch : null,
        };

        Assert.Equal(visible, ProposalAccess.CanView(p, staff));
        Assert.Equal(visible, new[] { p }.AsQueryable().VisibleTo(staff).Any());
    }
}
