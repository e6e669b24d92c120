using Mediator;

namespace GrantPortal.Web.Features.Admin.ApiClients.List;

public static class ListApiClientsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListApiClients(), ct)))
            .WithName("ListApiClients").WithSummary("The registered API clients (never their secrets)");
}
