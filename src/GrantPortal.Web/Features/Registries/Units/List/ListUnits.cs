using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.Units.List;

// Search the units registry: name (zh/en), credit code or foreign registration number; filters
// by kind, domestic/foreign and verified. Non-admins get their own unit only (in the query).
public sealed record ListUnits(string? Search, UnitKind? Kind, bool? Foreign, bool? Verified, int? Page, int? PageSize)
    : IRequest<Paged<UnitData>>;

public sealed class ListUnitsHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<ListUnits, Paged<UnitData>>
{
    private static readonly UnitKind[] ForeignKinds = Enum.GetValues<UnitKind>().Where(k => k.IsForeign()).ToArray();

    public async ValueTask<Paged<UnitData>> Handle(ListUnits request, CancellationToken ct)
    {
        var (page, size) = Paged<UnitData>.Normalize(request.Page, request.PageSize);
        var query = db.Units.AsNoTracking().Visible(user);
        if (RegistryScope.Clean(request.Search) is { } term)
        {
            var like = RegistryScope.Contains(term);
            query = query.Where(u => EF.Functions.ILike(u.Name, like)
                || (u.NameEn != null && EF.Functions.ILike(u.NameEn, like))
                || (u.SocialCreditCode != null && EF.Functions.ILike(u.SocialCreditCode, like))
                || (u.ForeignRegistrationNumber != null && EF.Functions.ILike(u.ForeignRegistrationNumber, like)));
        }
        if (request.Kind is { } kind) query = query.Where(u => u.Kind == kind);
        if (request.Foreign is { } foreign)
            query = foreign ? query.Where(u => ForeignKinds.Contains(u.Kind)) : query.Where(u => !ForeignKinds.Contains(u.Kind));
        if (request.Verified is { } verified) query = query.Where(u => u.IsVerified == verified);

        var total = await query.CountAsync(ct);
        var units = await query.OrderBy(u => u.Name).ThenBy(u => u.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<UnitData>(units.Select(UnitData.From).ToList(), total, page, size);
    }
}
