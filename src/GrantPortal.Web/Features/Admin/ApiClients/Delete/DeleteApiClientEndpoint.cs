using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.ApiClients.Delete;

public static class DeleteApiClientEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{clientId}", async (string clientId, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            await mediator.Send(new DeleteApiClient(clientId), ct) is { } error ? ApiClientProblems.For(l, error) : Results.NoContent())
            .WithName("DeleteApiClient").WithSummary("Delete an API client");
}
