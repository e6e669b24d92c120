using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;

namespace GrantPortal.Web.Features.PreProposals.Complete;

// The PI takes a complete (or withdrawn) pre-proposal back into a draft to change it.
public sealed record Reopen(ProposalId Id) : IRequest<StateChangeResult>;

public sealed class ReopenHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<ReopenHandler> log)
    : IRequestHandler<Reopen, StateChangeResult>
{
    public async ValueTask<StateChangeResult> Handle(Reopen request, CancellationToken ct)
    {
        var result = await StateChange.RunAsync(db, user, request.Id, p => ProposalAccess.IsOwner(p, user),
            p => Task.FromResult(Lifecycle.Reopen(p, clock.GetUtcNow(), StateChange.ActorOf(user))), ct);
        log.LogInformation("Reopen {ProposalId}: {Outcome}", request.Id, result.Outcome);
        return result;
    }
}
