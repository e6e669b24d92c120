using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Complete;

// The PI marks the draft complete (issue 4, point 5): every mandatory field and attachment, the
// narrative within PRE-LENGTH. The domain decides from the facts gathered here; every error is returned.
public sealed record MarkComplete(ProposalId Id) : IRequest<StateChangeResult>;

public sealed class MarkCompleteHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<MarkCompleteHandler> log)
    : IRequestHandler<MarkComplete, StateChangeResult>
{
    public async ValueTask<StateChangeResult> Handle(MarkComplete request, CancellationToken ct)
    {
        var result = await StateChange.RunAsync(db, user, request.Id, p => ProposalAccess.IsOwner(p, user), async p =>
        {
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == p.CallId, ct);
            var indicators = await db.Directions.AsNoTracking().Where(d => d.Id == p.DirectionId).Select(d => d.Indicators).SingleAsync(ct);
            var current = await db.Attachments.AsNoTracking()
                .Where(a => a.ProposalId == p.Id && a.SupersededAt == null)
                .Select(a => new { a.Kind, a.SignedOn }).ToListAsync(ct);
            var leadKind = await db.Units.AsNoTracking().Where(u => u.Id == p.LeadUnitId).Select(u => u.Kind).SingleAsync(ct);
            var facts = new Lifecycle.Completeness(
                current.Select(a => a.Kind).ToHashSet(),
                current.Any(a => a.Kind == AttachmentKind.JointAgreement && a.SignedOn != null),
                indicators.Count,
                leadKind == UnitKind.Enterprise);
            var now = clock.GetUtcNow();
            return Lifecycle.MarkComplete(p, call, facts, now, StateChange.ActorOf(user));
        }, ct);
        log.LogInformation("MarkComplete {ProposalId}: {Outcome}", request.Id, result.Outcome);
        return result;
    }
}
