using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;

namespace GrantPortal.Web.Features.PreProposals.Withdraw;

// The lead unit withdraws its submission, with an optional reason, until the Exchange Center
// accepts it (DOMAIN.md "The application's life").
public sealed record Withdraw(ProposalId Id, string? Reason) : IRequest<StateChangeResult>;

public sealed class WithdrawHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<WithdrawHandler> log)
    : IRequestHandler<Withdraw, StateChangeResult>
{
    public const int MaxReasonLength = 2000;

    public async ValueTask<StateChangeResult> Handle(Withdraw request, CancellationToken ct)
    {
        if (request.Reason is { Length: > MaxReasonLength })
            return new StateChangeResult(Outcome.Invalid, [Error.For("Submission.ReasonTooLong", "Reason", ("max", MaxReasonLength))]);
        var result = await StateChange.RunAsync(db, user, request.Id, p => ProposalAccess.IsLeadUnitAdmin(p, user),
            p => Task.FromResult(Lifecycle.Withdraw(p, request.Reason, clock.GetUtcNow(), StateChange.ActorOf(user))), ct);
        log.LogInformation("Withdraw {ProposalId}: {Outcome}", request.Id, result.Outcome);
        return result;
    }
}
