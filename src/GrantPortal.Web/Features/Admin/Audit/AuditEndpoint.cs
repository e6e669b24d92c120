using GrantPortal.Web.Features.Calls;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.Audit;

// GET /api/v1/audit: the same filters as /Admin/Audit, platform admin only.
public static class AuditEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async (string? entityType, string? entityId, string? userName, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new BrowseAudit(entityType, entityId, userName, from, to, page ?? 1, pageSize ?? BrowseAudit.DefaultPageSize), ct);
                return result.Page is { } found ? Results.Ok(found) : ApiErrors.Invalid(l, "AUDIT-INVALID", result.Errors);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithTags("Audit").WithName("BrowseAudit").WithSummary("The audit trail, newest first; dates are Beijing days (yyyy-MM-dd)");
}
