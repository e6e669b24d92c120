using GrantPortal.Web.Features.PreProposals.Edit;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Start;

// POST /api/v1/pre-proposals: the same StartDraft command as the start page.
public static class StartDraftEndpoint
{
    public sealed record StartBody(Guid? CallId, Guid? DirectionId);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/", async (StartBody body, HttpContext http, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new StartDraft(body.CallId, body.DirectionId), ct);
                if (result.Forbidden) return ApiProblem.Create(l, StatusCodes.Status403Forbidden, "DRAFT-NO-UNIT", result.Errors);
                if (!result.Started) return ApiProblem.Create(l, StatusCodes.Status400BadRequest, "DRAFT-INVALID", result.Errors);
                var view = await mediator.Send(new GetDraft(result.Id!.Value), ct);
                http.Response.Headers.ETag = SaveDraftEndpoint.ETag(view!.Version);
                return Results.Created($"/api/v1/pre-proposals/{result.Id}", view);
            })
            .RequireAuthorization(Policies.Applicant)
            .WithName("StartPreProposal")
            .WithSummary("Start a draft in a call and guide direction (applicant)")
            .WithDescription("The lead unit is the caller's unit (a university, research institute or enterprise) and the PI the caller's person record. The call must be published and its pre-proposal window not closed. Example body: {\"callId\": \"…\", \"directionId\": \"…\"}. 201 with Location and ETag.")
            .Produces<DraftView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
