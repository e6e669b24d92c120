using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.History;

// The timeline of an application (issue 4, point 7): who, when, from which state to which, and why.
public sealed record GetHistory(ProposalId Id) : IRequest<IReadOnlyList<HistoryEntry>?>;

public sealed record HistoryEntry(DateTimeOffset At, Guid ByUserId, string ByName, ApplicationState From, ApplicationState To, string? Reason);

public sealed class GetHistoryHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<GetHistory, IReadOnlyList<HistoryEntry>?>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>?> Handle(GetHistory request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null || !ProposalAccess.CanView(p, user)) return null;
        return await LoadAsync(db, request.Id, ct);
    }

    public static async Task<IReadOnlyList<HistoryEntry>> LoadAsync(AppDbContext db, ProposalId id, CancellationToken ct) =>
        await db.Transitions.AsNoTracking()
            .Where(t => t.ProposalId == id)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new HistoryEntry(t.At, t.ByUserId, t.ByName, t.From, t.To, t.Reason))
            .ToListAsync(ct);
}
