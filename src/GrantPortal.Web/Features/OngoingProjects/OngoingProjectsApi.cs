using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.OngoingProjects.Details;
using GrantPortal.Web.Features.OngoingProjects.Edit;
using GrantPortal.Web.Features.OngoingProjects.Import;
using GrantPortal.Web.Features.OngoingProjects.List;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.OngoingProjects;

// /api/v1/ongoing-projects: the registry of ongoing projects (Exchange Center staff only).
public static class OngoingProjectsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/ongoing-projects").WithTags("Registries: ongoing projects").RequireAuthorization(Policies.ExchangeCenterStaff);

        g.MapGet("/", async (string? search, Programme? programme, OngoingRole? role, DateOnly? ongoingAfter, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListOngoingProjects(search, programme, role, ongoingAfter, page ?? 1, pageSize ?? Paged<OngoingProjectData>.DefaultPageSize), ct)))
            .WithName("ListOngoingProjects")
            .WithSummary("Search the registry of ongoing projects")
            .WithDescription("search matches project code, person name or document number; ongoingAfter keeps records whose execution period (extensions included) ends after that date.")
            .Produces<Paged<OngoingProjectData>>();

        g.MapGet("/{id:guid}", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new GetOngoingProject(new OngoingProjectId(id)), ct) is { } p ? Results.Ok(p) : RegistryProblems.NotFound(l))
            .WithName("GetOngoingProject").WithSummary("Read one record").Produces<OngoingProjectData>().ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/", async (OngoingProjectInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SaveOngoingProject(null, body), ct);
                return result.Status == SaveStatus.Saved ? Results.Created($"/api/v1/ongoing-projects/{result.Value!.Id}", result.Value) : RegistryProblems.From(result, l);
            })
            .WithName("CreateOngoingProject").WithSummary("Create a record")
            .WithDescription("(projectCode, documentType, documentNumber) is unique; dates must be ordered startsOn <= originalEndsOn <= endsOn, leftTeamOn within the period. 400 lists every error.")
            .Produces<OngoingProjectData>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        g.MapPut("/{id:guid}", async (Guid id, OngoingProjectInput body, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new SaveOngoingProject(new OngoingProjectId(id), body), ct);
                return result.Status == SaveStatus.Saved ? Results.Ok(result.Value) : RegistryProblems.From(result, l);
            })
            .WithName("UpdateOngoingProject").WithSummary("Correct a record")
            .WithDescription("The body carries the version read with the record; a stale one answers 409 with the stored values in `current`.")
            .Produces<OngoingProjectData>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        g.MapDelete("/{id:guid}", async (Guid id, uint version, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var result = await mediator.Send(new DeleteOngoingProject(new OngoingProjectId(id), version), ct);
                return result.Status == SaveStatus.Saved ? Results.NoContent() : RegistryProblems.From(result, l);
            })
            .WithName("DeleteOngoingProject").WithSummary("Delete a record (?version= as read)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        g.MapPost("/import", async (HttpRequest http, ImportEncoding? encoding, bool? goodLinesOnly, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
            {
                var job = await mediator.Send(new StartImport(http.Body, encoding ?? ImportEncoding.Auto, goodLinesOnly ?? false), ct);
                return Results.Accepted($"/api/v1/ongoing-projects/import/{job.Id}", ImportStatus.From(job, l));
            })
            .WithName("ImportOngoingProjects").WithSummary("Import a registry CSV (the request body)")
            .WithDescription("The body is the CSV file (UTF-8 with or without BOM, or GB18030; encoding=Auto|Utf8|Gb18030). Header: programme,project_code,project_title,document_type,document_number,person_name,role,starts_on,original_ends_on,ends_on,left_team_on. A file with any bad line imports nothing unless goodLinesOnly=true. Answers 202 with the job; poll its Location for progress and the report.")
            .Accepts<string>("text/csv")
            .Produces<ImportStatus>(StatusCodes.Status202Accepted);

        g.MapGet("/import/{jobId:guid}", (Guid jobId, ImportJobs jobs, ICurrentUser user, IStringLocalizer<Messages> l) =>
                jobs.Find(jobId, ImportJobs.OwnerOf(user)) is { } job ? Results.Ok(ImportStatus.From(job, l)) : RegistryProblems.NotFound(l))
            .WithName("GetOngoingProjectsImport").WithSummary("Progress and report of an import")
            .Produces<ImportStatus>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
