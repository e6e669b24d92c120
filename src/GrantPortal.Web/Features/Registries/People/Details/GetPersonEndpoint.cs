using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Registries.People.Details;

public static class GetPersonEndpoint
{
    public static void Map(RouteGroupBuilder people) =>
        people.MapGet("/{id:guid}", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new GetPerson(new PersonId(id)), ct) is { } person ? Results.Ok(person) : RegistryProblems.NotFound(l))
            .RequireAuthorization(Policies.RegistryReader)
            .WithName("GetPerson")
            .WithSummary("Read one person of the registry")
            .WithDescription("404 when the person does not exist or is not of the caller's unit; the document number is masked for anyone but the platform admin.")
            .Produces<PersonData>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
