using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.OngoingProjects.List;

// Search by project code, person name or document number; filter by programme, role, and
// "still ongoing after" a date (EndsOn, extensions included, later than it: ONGOING-CUTOFF).
public sealed record ListOngoingProjects(
    string? Search, Programme? Programme, OngoingRole? Role, DateOnly? OngoingAfter, int Page = 1, int PageSize = Paged<OngoingProjectData>.DefaultPageSize)
    : IRequest<Paged<OngoingProjectData>>;

public sealed class ListOngoingProjectsHandler(AppDbContext db) : IRequestHandler<ListOngoingProjects, Paged<OngoingProjectData>>
{
    public async ValueTask<Paged<OngoingProjectData>> Handle(ListOngoingProjects request, CancellationToken ct)
    {
        var (page, size) = Paged<OngoingProjectData>.Normalize(request.Page, request.PageSize);
        var query = db.OngoingProjects.AsNoTracking();
        if (RegistryScope.Clean(request.Search) is { } term)
        {
            var pattern = RegistryScope.Contains(term);
            var upper = RegistryScope.Contains(term.ToUpperInvariant());
            query = query.Where(p => EF.Functions.ILike(p.ProjectCode, upper) || EF.Functions.ILike(p.PersonName, pattern) || EF.Functions.Like(p.DocumentNumber, upper));
        }
        if (request.Programme is { } programme) query = query.Where(p => p.Programme == programme);
        if (request.Role is { } role) query = query.Where(p => p.Role == role);
        if (request.OngoingAfter is { } after) query = query.Where(p => p.EndsOn > after);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.ProjectCode).ThenBy(p => p.DocumentNumber).ThenBy(p => p.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<OngoingProjectData>(rows.Select(OngoingProjectData.From).ToList(), total, page, size);
    }
}
