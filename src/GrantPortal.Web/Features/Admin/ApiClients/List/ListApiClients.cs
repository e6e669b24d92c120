using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Features.Admin.ApiClients.List;

public sealed record ListApiClients : IRequest<IReadOnlyList<ApiClientRow>>;

public sealed record ApiClientRow(
    string ClientId, string DisplayName, string Kind, IReadOnlyList<string> Roles, Guid? UnitId, string? UnitName, string? UnitNameEn, IReadOnlyList<string> RedirectUris);

public sealed class ListApiClientsHandler(IOpenIddictApplicationManager applications, AppDbContext db) : IRequestHandler<ListApiClients, IReadOnlyList<ApiClientRow>>
{
    public async ValueTask<IReadOnlyList<ApiClientRow>> Handle(ListApiClients request, CancellationToken ct)
    {
        var rows = new List<ApiClientRow>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var clientId = await applications.GetClientIdAsync(application, ct) ?? "";
            var properties = await applications.GetPropertiesAsync(application, ct);
            var kind = await applications.GetClientTypeAsync(application, ct) == ClientTypes.Public ? ApiClientKind.App : ApiClientKind.System;
            rows.Add(new ApiClientRow(
                clientId,
                await applications.GetDisplayNameAsync(application, ct) ?? clientId,
                kind,
                kind == ApiClientKind.System ? ApiClientProperties.Roles(properties) : [],
                ApiClientProperties.Unit(properties)?.Value,
                null,
                null,
                [.. await applications.GetRedirectUrisAsync(application, ct)]));
        }
        var unitIds = rows.Where(r => r.UnitId is not null).Select(r => new UnitId(r.UnitId!.Value)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.Value, ct);
        return [.. rows
            .Select(r => r.UnitId is { } id && units.TryGetValue(id, out var unit) ? r with { UnitName = unit.Name, UnitNameEn = unit.NameEn } : r)
            .OrderBy(r => r.DisplayName, StringComparer.Ordinal)];
    }
}
