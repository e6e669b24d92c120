using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Edit;

// One draft for whoever may see it (ProposalAccess); null when it does not exist or is not
// visible, which the edge answers 404 alike.
public sealed record GetDraft(ProposalId Id) : IRequest<DraftView?>;

public sealed class GetDraftHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<GetDraft, DraftView?>
{
    public async ValueTask<DraftView?> Handle(GetDraft request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().WithContent().VisibleTo(user).SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        return p is null ? null : await DraftViews.LoadAsync(db, p, user, ct);
    }
}
