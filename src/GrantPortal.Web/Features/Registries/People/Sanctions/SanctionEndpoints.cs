using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Registries.People.Sanctions;

// /api/v1/people/{id}/sanctions: the same commands as the sanction page, platform admin only.
public static class SanctionEndpoints
{
    public static void Map(RouteGroupBuilder people)
    {
        people.MapGet("/{id:guid}/sanctions", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new ListSanctions(new PersonId(id)), ct) is { } list ? Results.Ok(list) : RegistryProblems.NotFound(l))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("ListPersonSanctions")
            .WithSummary("The research-misconduct sanctions and credit-blacklist entries of a person (platform admin)")
            .WithDescription("UNIT-INTEGRITY: an entry active on the day an application is checked (startsOn on or before it, endsOn missing or on or after it) bars the person. activeToday is computed for today in Beijing time.")
            .Produces<IReadOnlyList<SanctionData>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/{id:guid}/sanctions", async (Guid id, SanctionInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SaveSanction(new PersonId(id), null, body), ct);
                return result.Status == SaveStatus.Saved
                    ? Results.Created($"/api/v1/people/{id}/sanctions/{result.Value!.Id}", result.Value)
                    : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("CreatePersonSanction")
            .WithSummary("Record a sanction or blacklist entry of a person (platform admin)")
            .WithDescription("kind (ResearchMisconduct or CreditBlacklist), startsOn and reference (the decision's number) are required; endsOn is the last day, left out for an open-ended entry. 400 lists every error.")
            .Produces<SanctionData>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPut("/{id:guid}/sanctions/{sanctionId:guid}", async (Guid id, Guid sanctionId, SanctionInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SaveSanction(new PersonId(id), new SanctionId(sanctionId), body), ct);
                return result.Status == SaveStatus.Saved ? Results.Ok(result.Value) : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("UpdatePersonSanction")
            .WithSummary("Correct a sanction or set its last day when it is lifted (platform admin)")
            .WithDescription("The body carries the version read; when the entry changed since, 409 answers with the stored values in `current`.")
            .Produces<SanctionData>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapDelete("/{id:guid}/sanctions/{sanctionId:guid}", async (Guid id, Guid sanctionId, uint version, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new DeleteSanction(new PersonId(id), new SanctionId(sanctionId), version), ct);
                return result.Status == SaveStatus.Saved ? Results.NoContent() : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("DeletePersonSanction")
            .WithSummary("Remove an entry recorded by mistake (platform admin; ?version= of the entry read)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
