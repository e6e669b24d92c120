using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Registries.Units.Details;

public static class GetUnitEndpoint
{
    public static void Map(RouteGroupBuilder units) =>
        units.MapGet("/{id:guid}", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new GetUnit(new UnitId(id)), ct) is { } unit ? Results.Ok(unit) : RegistryProblems.NotFound(l))
            .RequireAuthorization(Policies.RegistryReader)
            .WithName("GetUnit")
            .WithSummary("Read one unit of the registry")
            .WithDescription("404 when the unit does not exist or is not the caller's own unit (the platform admin sees every unit).")
            .Produces<UnitData>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
