using System.Text.Json;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Admin.Audit;
using GrantPortal.Web.Infrastructure.Audit;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.OngoingProjects.Details;

// One record, or null when it does not exist.
public sealed record GetOngoingProject(OngoingProjectId Id) : IRequest<OngoingProjectData?>;

public sealed class GetOngoingProjectHandler(AppDbContext db) : IRequestHandler<GetOngoingProject, OngoingProjectData?>
{
    public async ValueTask<OngoingProjectData?> Handle(GetOngoingProject request, CancellationToken ct) =>
        await db.OngoingProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.Id, ct) is { } p ? OngoingProjectData.From(p) : null;
}

// The record's own audit trail, newest first (the admin audit browser is admin-only; the
// Exchange Center staff see the history of the registry records they keep).
public sealed record OngoingProjectHistory(OngoingProjectId Id) : IRequest<IReadOnlyList<AuditItem>>;

public sealed class OngoingProjectHistoryHandler(AppDbContext db) : IRequestHandler<OngoingProjectHistory, IReadOnlyList<AuditItem>>
{
    public const string EntityType = "OngoingProject";

    public async ValueTask<IReadOnlyList<AuditItem>> Handle(OngoingProjectHistory request, CancellationToken ct)
    {
        var id = request.Id.ToString();
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == EntityType && e.EntityId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(200).ToListAsync(ct);
        return rows.Select(e => new AuditItem(e.Id, e.At, e.UserId, e.UserName, e.EntityType, e.EntityId, e.Action,
            JsonSerializer.Deserialize<List<AuditChange>>(string.IsNullOrEmpty(e.Changes) ? "[]" : e.Changes) ?? [])).ToList();
    }
}
