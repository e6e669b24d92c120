using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.People.List;

// Search the people registry by name (zh/en) and, for the platform admin, by document number;
// filter by unit and document type. Non-admins get the people of their own unit only (in the
// query), with the document number masked, and cannot search by number: a search hit would
// confirm a number they may not read.
public sealed record ListPeople(string? Search, UnitId? Unit, IdentityDocumentType? DocumentType, int? Page, int? PageSize)
    : IRequest<Paged<PersonData>>;

public sealed class ListPeopleHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<ListPeople, Paged<PersonData>>
{
    public async ValueTask<Paged<PersonData>> Handle(ListPeople request, CancellationToken ct)
    {
        var (page, size) = Paged<PersonData>.Normalize(request.Page, request.PageSize);
        var admin = RegistryScope.IsAdmin(user);
        var query = db.People.AsNoTracking().Visible(user);
        if (RegistryScope.Clean(request.Search) is { } term)
        {
            var like = RegistryScope.Contains(term);
            query = admin
                ? query.Where(p => EF.Functions.ILike(p.Name, like) || (p.NameEn != null && EF.Functions.ILike(p.NameEn, like)) || EF.Functions.ILike(p.DocumentNumber, like))
                : query.Where(p => EF.Functions.ILike(p.Name, like) || (p.NameEn != null && EF.Functions.ILike(p.NameEn, like)));
        }
        if (request.Unit is { } unit) query = query.Where(p => p.UnitId == unit);
        if (request.DocumentType is { } type) query = query.Where(p => p.DocumentType == type);

        var total = await query.CountAsync(ct);
        var people = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var unitIds = people.Where(p => p.UnitId != null).Select(p => p.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return new Paged<PersonData>(people.Select(p => PersonData.From(p, p.UnitId is { } id ? units.GetValueOrDefault(id) : null, mask: !admin)).ToList(), total, page, size);
    }
}
