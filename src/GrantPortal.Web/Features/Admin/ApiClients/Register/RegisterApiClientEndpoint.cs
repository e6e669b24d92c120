using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.ApiClients.Register;

public static class RegisterApiClientEndpoint
{
    public sealed record Body(string? DisplayName, string? Kind, string[]? Roles, Guid? UnitId, string[]? RedirectUris);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("", async (Body body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
        {
            var result = await mediator.Send(new RegisterApiClient(body.DisplayName, body.Kind, body.Roles ?? [], body.UnitId, body.RedirectUris ?? []), ct);
            return result.Created is { } created
                ? Results.Created($"/api/v1/api-clients/{created.ClientId}", created)
                : ApiClientProblems.Problem(l, StatusCodes.Status400BadRequest, result.Errors);
        }).WithName("RegisterApiClient").WithSummary("Register an API client; the response holds the client secret, shown only this once");
}
