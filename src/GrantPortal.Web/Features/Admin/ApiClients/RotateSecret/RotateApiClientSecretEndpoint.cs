using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.ApiClients.RotateSecret;

public static class RotateApiClientSecretEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{clientId}/secret", async (string clientId, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
        {
            var result = await mediator.Send(new RotateApiClientSecret(clientId), ct);
            return result.Error is { } error
                ? ApiClientProblems.For(l, error)
                : Results.Ok(new { clientId = result.ClientId, clientSecret = result.ClientSecret });
        }).WithName("RotateApiClientSecret").WithSummary("Replace a system integration's secret; the response holds the new secret, shown only this once");
}
