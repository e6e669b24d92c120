using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.Units.Members;

// The platform admin removes a member from a list; the Version read with the list must still be
// the stored one (a member changed meanwhile, e.g. by an import, is not removed blindly).
public sealed record RemoveMember(UnitId RecommendingUnitId, Guid MembershipId, uint Version) : IRequest<MemberResult>;

public sealed class RemoveMemberHandler(AppDbContext db, ICurrentUser user, ILogger<RemoveMemberHandler> log) : IRequestHandler<RemoveMember, MemberResult>
{
    public async ValueTask<MemberResult> Handle(RemoveMember request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user)) return MemberResult.NotFound();
        var row = await db.UnitMemberships.SingleOrDefaultAsync(m => m.Id == request.MembershipId && m.RecommendingUnitId == request.RecommendingUnitId, ct);
        if (row is null) return MemberResult.NotFound();
        if (row.Version != request.Version) return new(SaveStatus.Conflict, null, [Error.For("REG-CONFLICT")]);
        db.Entry(row).Property(m => m.Version).OriginalValue = request.Version;
        db.UnitMemberships.Remove(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(SaveStatus.Conflict, null, [Error.For("REG-CONFLICT")]);
        }
        log.LogInformation("Membership {MembershipId} of {UnitId} removed", row.Id, request.RecommendingUnitId);
        return new(SaveStatus.Saved, null, []);
    }
}
