using GrantPortal.Web.Features.Admin.Calls;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Calls;

// /api/v1/calls: any authenticated caller reads calls; the platform admin writes them
// (SaveCallEndpoint, next to the page that sends the same command).
public static class CallsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls").WithTags("Calls");
        calls.MapGet("/", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListCalls(), ct)))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("ListCalls").WithSummary("Every call, newest window first");
        calls.MapGet("/{id:guid}", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new GetCall(id), ct) is { } call ? Results.Ok(call) : ApiErrors.NotFound(l, "CALL-NOT-FOUND"))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("GetCall").WithSummary("One call with its directions, dates and limits");
        SaveCallEndpoint.Map(calls);
        Admin.Calls.GuideExperts.GuideExpertsEndpoint.Map(calls);
    }
}
