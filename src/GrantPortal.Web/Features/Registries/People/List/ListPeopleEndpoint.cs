using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;

namespace GrantPortal.Web.Features.Registries.People.List;

public static class ListPeopleEndpoint
{
    public static void Map(RouteGroupBuilder people) =>
        people.MapGet("/", async (IMediator mediator, string? search, Guid? unitId, IdentityDocumentType? documentType, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPeople(search, unitId is { } u ? new UnitId(u) : null, documentType, page, pageSize), ct)))
            .RequireAuthorization(Policies.RegistryReader)
            .WithName("ListPeople")
            .WithSummary("Search the people registry (paged)")
            .WithDescription("Search by name (and, for the platform admin, document number); filter by unit and document type. Callers other than the platform admin see only the people of their own unit, with the document number masked.");
}
