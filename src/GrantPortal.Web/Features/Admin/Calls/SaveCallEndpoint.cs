using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Calls;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.Calls;

// POST /api/v1/calls and PUT /api/v1/calls/{id}: the same SaveCall command as the edit page.
// The body carries the version the edit is based on; a stale one answers 409.
public static class SaveCallEndpoint
{
    public static void Map(RouteGroupBuilder calls)
    {
        calls.MapPost("/", (CallData body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                Send(new SaveCall(null, body), mediator, l, created: true, ct))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("CreateCall").WithSummary("Create a call (CALL-WINDOW and the limits are checked)");
        calls.MapPut("/{id:guid}", (Guid id, CallData body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                Send(new SaveCall(id, body), mediator, l, created: false, ct))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("UpdateCall").WithSummary("Edit a call and its directions; send the version you read");
    }

    private static async Task<IResult> Send(SaveCall command, IMediator mediator, IStringLocalizer l, bool created, CancellationToken ct)
    {
        switch (await mediator.Send(command, ct))
        {
            case SaveCallResult.Saved saved:
                var view = await mediator.Send(new GetCall(saved.Id), ct);
                return created ? Results.Created($"/api/v1/calls/{saved.Id}", view) : Results.Ok(view);
            case SaveCallResult.Invalid invalid:
                return ApiErrors.Invalid(l, "CALL-INVALID", invalid.Errors);
            case SaveCallResult.Conflict conflict:
                return ApiErrors.Problem(l, StatusCodes.Status409Conflict, "CALL-CONFLICT", [new Error("CALL-CONFLICT")],
                    new Dictionary<string, object?> { ["current"] = conflict.Current });
            default:
                return ApiErrors.NotFound(l, "CALL-NOT-FOUND");
        }
    }
}
