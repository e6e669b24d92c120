using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;

namespace GrantPortal.Web.Features.PreProposals.Accept;

// 受理: the Exchange Center accepts an endorsed pre-proposal; from then on LOCK-AFTER-ACCEPT holds
// and the lead unit can no longer withdraw it.
public sealed record Accept(ProposalId Id) : IRequest<StateChangeResult>;

public sealed class AcceptHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<AcceptHandler> log)
    : IRequestHandler<Accept, StateChangeResult>
{
    public async ValueTask<StateChangeResult> Handle(Accept request, CancellationToken ct)
    {
        var result = await StateChange.RunAsync(db, user, request.Id, _ => user.IsInRole(Roles.ExchangeCenterStaff),
            p => Task.FromResult(Lifecycle.Accept(p, clock.GetUtcNow(), StateChange.ActorOf(user))), ct);
        log.LogInformation("Accept {ProposalId}: {Outcome}", request.Id, result.Outcome);
        return result;
    }
}
