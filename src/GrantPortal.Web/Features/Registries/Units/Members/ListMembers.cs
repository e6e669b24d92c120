using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.Units.Members;

// The member list of an association or alliance (platform admin). Null: no such unit (404).
public sealed record ListMembers(UnitId Id) : IRequest<MemberList?>;

public sealed record MemberRow(Guid Id, Guid UnitId, string Name, string? NameEn, string? SocialCreditCode, DateOnly? From, DateOnly? Until, bool Active, uint Version);

public sealed record MemberList(Guid UnitId, string Name, string? NameEn, UnitKind Kind, bool HasMemberList, DateOnly Today, IReadOnlyList<MemberRow> Members);

public sealed class ListMembersHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListMembers, MemberList?>
{
    public async ValueTask<MemberList?> Handle(ListMembers request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user)) return null;
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.Id, ct);
        if (unit is null) return null;
        var today = Domain.Calls.BeijingTime.Today(clock.GetUtcNow());
        var rows = await (
                from m in db.UnitMemberships.AsNoTracking()
                join u in db.Units on m.MemberUnitId equals u.Id
                where m.RecommendingUnitId == request.Id
                orderby u.Name
                select new { m, u.Name, u.NameEn, u.SocialCreditCode })
            .ToListAsync(ct);
        return new MemberList(unit.Id.Value, unit.Name, unit.NameEn, unit.Kind, UnitMembership.HasMemberList(unit.Kind), today,
            [.. rows.Select(r => new MemberRow(r.m.Id, r.m.MemberUnitId.Value, r.Name, r.NameEn, r.SocialCreditCode, r.m.From, r.m.Until, r.m.IsActiveOn(today), r.m.Version))]);
    }
}
