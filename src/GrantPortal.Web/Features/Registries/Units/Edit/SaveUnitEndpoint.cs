using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Registries.Units.Edit;

public sealed record VersionBody(uint Version);

public static class SaveUnitEndpoint
{
    public static void Map(RouteGroupBuilder units)
    {
        units.MapPost("/", async (UnitInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SaveUnit(null, body), ct);
                return result.Status == SaveStatus.Saved
                    ? Results.Created($"/api/v1/units/{result.Value!.Id}", result.Value)
                    : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("CreateUnit")
            .WithSummary("Create a unit (platform admin)")
            .WithDescription("A Chinese unit needs a unified social credit code with a valid check digit; a foreign unit needs its country (ISO 3166-1 alpha-2) and registration number. Codes are trimmed and upper-cased. 400 lists every error with its code and field.")
            .Produces<UnitData>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        units.MapPut("/{id:guid}", async (Guid id, UnitInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SaveUnit(new UnitId(id), body), ct);
                return result.Status == SaveStatus.Saved ? Results.Ok(result.Value) : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("UpdateUnit")
            .WithSummary("Update a unit (platform admin)")
            .WithDescription("The body carries the version read with the unit; when the unit changed since, 409 answers with the stored values in `current`.")
            .Produces<UnitData>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        units.MapPost("/{id:guid}/verify", async (Guid id, VersionBody body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new VerifyUnit(new UnitId(id), body.Version), ct);
                return result.Status == SaveStatus.Saved ? Results.Ok(result.Value) : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("VerifyUnit")
            .WithSummary("Mark a proposed unit verified (platform admin)")
            .Produces<UnitData>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
