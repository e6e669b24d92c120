using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.ExchangeCenter.Recheck;

// Queues a batch re-check of every submitted, not withdrawn application of a call that the Exchange
// Center sees (ProposalAccess.VisibleTo: sent by its recommending unit). Null when the call does not exist.
public sealed record StartRecheck(CallId CallId) : IRequest<RecheckJob?>;

public sealed class StartRecheckHandler(AppDbContext db, ICurrentUser user, RecheckJobs jobs, TimeProvider clock, ILogger<StartRecheckHandler> log)
    : IRequestHandler<StartRecheck, RecheckJob?>
{
    // Enums are stored as text: compare with a list, never with < or >.
    private static readonly ApplicationState[] InCall =
        [.. Enum.GetValues<ApplicationState>().Where(s => s.IsInCall())];

    public async ValueTask<RecheckJob?> Handle(StartRecheck request, CancellationToken ct)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == request.CallId, ct)) return null;
        var ids = await db.PreProposals.AsNoTracking().VisibleTo(user)
            .Where(p => p.CallId == request.CallId && InCall.Contains(p.State))
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync(ct);
        var job = jobs.Enqueue(request.CallId, ids, clock.GetUtcNow());
        log.LogInformation("Re-check {JobId} of call {CallId} queued ({Count} applications)", job.Id, request.CallId, ids.Count);
        return job;
    }
}
