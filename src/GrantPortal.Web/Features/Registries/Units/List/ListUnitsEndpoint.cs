using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;

namespace GrantPortal.Web.Features.Registries.Units.List;

public static class ListUnitsEndpoint
{
    public static void Map(RouteGroupBuilder units) =>
        units.MapGet("/", async (IMediator mediator, string? search, UnitKind? kind, bool? foreign, bool? verified, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUnits(search, kind, foreign, verified, page, pageSize), ct)))
            .RequireAuthorization(Policies.RegistryReader)
            .WithName("ListUnits")
            .WithSummary("Search the units registry (paged)")
            .WithDescription("Search by Chinese or English name, unified social credit code or foreign registration number; filter by kind, foreign and verified. The platform admin sees every unit, any other caller only its own unit.");
}
