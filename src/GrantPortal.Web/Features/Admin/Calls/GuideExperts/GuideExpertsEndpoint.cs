using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Calls;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.Calls.GuideExperts;

// /api/v1/calls/{id}/guide-experts: the same commands as the page, platform admin only.
public static class GuideExpertsEndpoint
{
    public sealed record ImportBody(string? Numbers, [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Domain.Calls.GuideExpertRole>))] Domain.Calls.GuideExpertRole? Role);

    public static void Map(RouteGroupBuilder calls)
    {
        calls.MapGet("/{id:guid}/guide-experts", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new ListGuideExperts(new CallId(id)), ct) is { } list ? Results.Ok(list) : ApiErrors.NotFound(l, "CALL-NOT-FOUND"))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("ListGuideExperts")
            .WithSummary("The call's consultative committee members and guide-drafting experts (GUIDE-EXPERT-BAR)")
            .Produces<GuideExpertList>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        calls.MapPost("/{id:guid}/guide-experts", async (Guid id, GuideExpertInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                Result(await mediator.Send(new AddGuideExpert(new CallId(id), body), ct), l, StatusCodes.Status201Created))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("AddGuideExpert")
            .WithSummary("Add a person of the registry to the call's list, with a role (ConsultativeCommittee or GuideDrafting)")
            .Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        calls.MapPost("/{id:guid}/guide-experts/import", async (Guid id, ImportBody body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                Result(await mediator.Send(new ImportGuideExperts(new CallId(id), body.Numbers, body.Role), ct), l, StatusCodes.Status200OK))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("ImportGuideExperts")
            .WithSummary("Add the people named by identity document number, one per line (a CSV's first column)")
            .WithDescription("Every number must name exactly one person of the registry, or nothing is added and 400 names the lines; numbers already listed are skipped. Answers the count added.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        calls.MapDelete("/{id:guid}/guide-experts/{personId:guid}", async (Guid id, Guid personId, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                Result(await mediator.Send(new RemoveGuideExpert(new CallId(id), new PersonId(personId)), ct), l, StatusCodes.Status204NoContent))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("RemoveGuideExpert")
            .WithSummary("Remove a person from the call's list")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Result(GuideExpertResult result, IStringLocalizer l, int success) => result.Status switch
    {
        GuideExpertStatus.Done when success == StatusCodes.Status204NoContent => Results.NoContent(),
        GuideExpertStatus.Done => Results.Json(new { added = result.Added }, statusCode: success),
        GuideExpertStatus.NotFound => ApiErrors.Problem(l, StatusCodes.Status404NotFound, result.Errors[0].Code, result.Errors),
        _ => ApiErrors.Invalid(l, "GUIDE-EXPERT-INVALID", result.Errors),
    };
}
