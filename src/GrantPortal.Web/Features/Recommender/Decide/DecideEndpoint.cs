using System.Text.Json.Serialization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Recommender.Decide;

public static class DecideEndpoint
{
    public sealed record DecisionBody([property: JsonConverter(typeof(JsonStringEnumConverter<Decision>))] Decision? Decision, string? Reason, uint Version);

    public sealed record ItemBody(Guid Id, uint Version);

    public sealed record SelectionBody([property: JsonConverter(typeof(JsonStringEnumConverter<Decision>))] Decision? Decision, string? Reason, IReadOnlyList<ItemBody>? Items);

    public sealed record DecidedResponse(Guid Id, string State, uint Version);

    public sealed record ItemResponse(Guid Id, int Status, string? State, uint? Version, IReadOnlyList<ErrorItem> Errors);

    public sealed record ErrorItem(string Code, string? Field, string Message, IReadOnlyDictionary<string, string> Args);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/applications/{id:guid}/decision", async (Guid id, DecisionBody body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var results = await mediator.Send(new DecideApplications([new DecisionItem(new ProposalId(id), body.Version)], body.Decision ?? 0, body.Reason), ct);
                if (results.Errors.Count > 0) return ApiProblem.Create(l, StatusCodes.Status400BadRequest, "Submission.Problem.Invalid", results.Errors);
                var item = results.Items.Single();
                return item.Outcome == Outcome.Done
                    ? Results.Ok(new DecidedResponse(item.Id, item.State!.Value.ToString(), item.Version!.Value))
                    : Problem(l, item);
            })
            .RequireAuthorization(Policies.RecommenderOfficer)
            .WithName("DecideApplication")
            .WithSummary("Endorse, return (reason required) or decline (reason required) one application addressed to the caller's unit")
            .WithDescription("decision: Endorse, Return or Decline; version: the version read with the application (409 Recommendation.Conflict when another officer decided first). "
                + "Refused with Recommendation.DeadlinePassed after the call's recommending units' deadline, Recommendation.AlreadySent once sent to the Exchange Center.")
            .Produces<DecidedResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/decisions", async (SelectionBody body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var items = (body.Items ?? []).Select(i => new DecisionItem(new ProposalId(i.Id), i.Version)).ToList();
                var results = await mediator.Send(new DecideApplications(items, body.Decision ?? 0, body.Reason), ct);
                if (results.Errors.Count > 0) return ApiProblem.Create(l, StatusCodes.Status400BadRequest, "Submission.Problem.Invalid", results.Errors);
                return Results.Ok(results.Items.Select(i => new ItemResponse(i.Id, Status(i), i.State?.ToString(), i.Version,
                    [.. i.Errors.Select(e => new ErrorItem(e.Code, e.Field is null ? null : ApiProblem.JsonField(e.Field), RecommenderText.Error(l, e), e.Args ?? new Dictionary<string, string>()))])).ToList());
            })
            .RequireAuthorization(Policies.RecommenderOfficer)
            .WithName("DecideApplications")
            .WithSummary("The same decision on a selection: one result per application (status 200, 400, 404 or 409 each), each decided on its own")
            .Produces<List<ItemResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static int Status(DecisionOutcome o) => o.Outcome switch
    {
        Outcome.Done => StatusCodes.Status200OK,
        Outcome.NotFound => StatusCodes.Status404NotFound,
        Outcome.Conflict => StatusCodes.Status409Conflict,
        _ when o.Errors.All(e => e.Code is "APP-STATE" or Recommendation.AlreadySent) => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static IResult Problem(IStringLocalizer<Messages> l, DecisionOutcome o)
    {
        var status = Status(o);
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Submission.Problem.NotFound",
            StatusCodes.Status409Conflict => "Submission.Problem.Conflict",
            _ => "Submission.Problem.Invalid",
        };
        var extensions = new Dictionary<string, object?>();
        if (o.Outcome == Outcome.Conflict) extensions["current"] = new { state = o.State?.ToString(), version = o.Version };
        return ApiProblem.Create(l, status, title, o.Errors, extensions);
    }
}
