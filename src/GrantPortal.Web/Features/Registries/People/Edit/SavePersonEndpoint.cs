using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Registries.People.Edit;

public static class SavePersonEndpoint
{
    public static void Map(RouteGroupBuilder people)
    {
        people.MapPost("/", async (PersonInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SavePerson(null, body), ct);
                return result.Status == SaveStatus.Saved
                    ? Results.Created($"/api/v1/people/{result.Value!.Id}", result.Value)
                    : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("CreatePerson")
            .WithSummary("Create a person (platform admin)")
            .WithDescription("Identity document type and number are required; a resident ID card number is checked for its check digit and its embedded birth date, which must equal birthDate. (documentType, documentNumber) is unique. 400 lists every error with its code and field.")
            .Produces<PersonData>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        people.MapPut("/{id:guid}", async (Guid id, PersonInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SavePerson(new PersonId(id), body), ct);
                return result.Status == SaveStatus.Saved ? Results.Ok(result.Value) : RegistryProblems.From(result, l);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("UpdatePerson")
            .WithSummary("Update a person (platform admin)")
            .WithDescription("The body carries the version read with the person; when the person changed since, 409 answers with the stored values in `current`.")
            .Produces<PersonData>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
