using System.Text.Json;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Audit;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Admin.Audit;

// The audit trail, newest first (issue 3, point 9: the admin can browse who changed what, when,
// with old and new values). Dates of the filter are Beijing days, both included.
public sealed record BrowseAudit(
    string? EntityType = null, string? EntityId = null, string? UserName = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = BrowseAudit.DefaultPageSize) : IRequest<BrowseAuditResult>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    // The entity types the AuditInterceptor records.
    public static readonly IReadOnlyList<string> EntityTypes = ["Unit", "Person", "Call", "Direction", "User", "Role", "UserRole", "ApiClient", "OngoingProject", "PersonSanction", "GuideExpert", "UnitMembership"];
}

public sealed record BrowseAuditResult(AuditPage? Page, IReadOnlyList<Error> Errors);

public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditItem> Items)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record AuditItem(
    Guid Id, DateTimeOffset At, Guid? UserId, string UserName, string EntityType, string EntityId, string Action, IReadOnlyList<AuditChange> Changes);

public sealed class BrowseAuditHandler(AppDbContext db) : IRequestHandler<BrowseAudit, BrowseAuditResult>
{
    public async ValueTask<BrowseAuditResult> Handle(BrowseAudit request, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (request.From is { } f && request.To is { } t && f > t)
            errors.Add(Error.For("AUDIT-DATE-RANGE", nameof(BrowseAudit.To)));
        if (request.Page < 1)
            errors.Add(Error.For("AUDIT-PAGE-RANGE", nameof(BrowseAudit.Page)));
        if (request.PageSize is < 1 or > BrowseAudit.MaxPageSize)
            errors.Add(Error.For("AUDIT-PAGE-SIZE", nameof(BrowseAudit.PageSize), ("max", BrowseAudit.MaxPageSize)));
        if (errors.Count > 0) return new BrowseAuditResult(null, errors);

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.EntityType)) query = query.Where(e => e.EntityType == request.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(request.EntityId)) query = query.Where(e => e.EntityId == request.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            var pattern = "%" + request.UserName.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            query = query.Where(e => EF.Functions.ILike(e.UserName, pattern));
        }
        if (request.From is { } from)
        {
            var start = BeijingTime.At(from, TimeOnly.MinValue).ToUniversalTime();
            query = query.Where(e => e.At >= start);
        }
        if (request.To is { } to)
        {
            var end = BeijingTime.EndOfDay(to).ToUniversalTime();
            query = query.Where(e => e.At < end);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .ToListAsync(ct);
        var items = rows.Select(e => new AuditItem(e.Id, e.At, e.UserId, e.UserName, e.EntityType, e.EntityId, e.Action, Changes(e.Changes))).ToList();
        return new BrowseAuditResult(new AuditPage(request.Page, request.PageSize, total, items), []);
    }

    private static List<AuditChange> Changes(string json) =>
        JsonSerializer.Deserialize<List<AuditChange>>(string.IsNullOrEmpty(json) ? "[]" : json) ?? [];
}
