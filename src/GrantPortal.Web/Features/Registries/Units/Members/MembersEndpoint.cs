using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.OngoingProjects.Import;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Registries.Units.Members;

// /api/v1/units/{id}/members: the member list of an association or alliance (RECOMMENDER-SCOPE),
// platform admin only, the same commands as the page.
public static class MembersEndpoint
{
    public static void Map(RouteGroupBuilder units)
    {
        units.MapGet("/{id:guid}/members", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new ListMembers(new UnitId(id)), ct) is { } list ? Results.Ok(list) : RegistryProblems.NotFound(l))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("ListUnitMembers")
            .WithSummary("The member units of an association or alliance (platform admin)")
            .Produces<MemberList>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        units.MapPost("/{id:guid}/members", async (Guid id, MemberInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                From(await mediator.Send(new AddMember(new UnitId(id), body), ct), l, created: true))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("AddUnitMember")
            .WithSummary("Add a member unit (by unified social credit code, with optional from/until days) to an association or alliance")
            .Produces<MemberRow>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        units.MapDelete("/{id:guid}/members/{membershipId:guid}", async (Guid id, Guid membershipId, uint version, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                From(await mediator.Send(new RemoveMember(new UnitId(id), membershipId, version), ct), l, created: false))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("RemoveUnitMember")
            .WithSummary("Remove a member; ?version= is the version read with the list (409 when it changed since)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        units.MapPost("/{id:guid}/members/import", async (Guid id, HttpRequest request, ImportEncoding? encoding, bool? goodLinesOnly,
                IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                var result = await mediator.Send(new ImportMembers(new UnitId(id), buffer, encoding ?? ImportEncoding.Auto, goodLinesOnly ?? false), ct);
                if (result.Status == SaveStatus.Saved && result.Report is { } report)
                {
                    return report.Imported
                        ? Results.Ok(report)
                        : ApiProblem.Create(l, StatusCodes.Status400BadRequest, "REG-INVALID",
                            report.Errors.Select(e => e.Error with { Args = new Dictionary<string, string>(e.Error.Args ?? new Dictionary<string, string>()) { ["line"] = e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) } }),
                            new Dictionary<string, object?> { ["report"] = report });
                }
                return result.Status == SaveStatus.NotFound ? RegistryProblems.NotFound(l)
                    : ApiProblem.Create(l, result.Status == SaveStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                        result.Status == SaveStatus.Conflict ? "REG-CONFLICT" : "REG-INVALID", result.Errors);
            })
            .RequireAuthorization(Policies.PlatformAdmin)
            .Accepts<string>("text/csv")
            .WithName("ImportUnitMembers")
            .WithSummary("Import the member list from CSV (body: text/csv; columns social_credit_code, from, until; UTF-8 or GB18030)")
            .WithDescription("A file with any bad line imports nothing (400 with the per-line report) unless ?goodLinesOnly=true. Re-importing the same file changes nothing.")
            .Produces<MemberImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult From(MemberResult result, IStringLocalizer<Messages> l, bool created) => result.Status switch
    {
        SaveStatus.Saved when created => Results.Created($"/api/v1/units/{result.Member!.UnitId}", result.Member),
        SaveStatus.Saved => Results.NoContent(),
        SaveStatus.NotFound => RegistryProblems.NotFound(l),
        SaveStatus.Conflict => ApiProblem.Create(l, StatusCodes.Status409Conflict, "REG-CONFLICT", result.Errors),
        _ => ApiProblem.Create(l, StatusCodes.Status400BadRequest, "REG-INVALID", result.Errors),
    };
}
