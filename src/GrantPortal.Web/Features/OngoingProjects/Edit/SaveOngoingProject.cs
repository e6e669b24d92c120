using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.OngoingProjects.Edit;

// Create (Id null) or correct one record (Exchange Center staff). (project code, document) is
// unique; a stale Version is a conflict answered with the stored values. The AuditInterceptor
// records every change.
public sealed record SaveOngoingProject(OngoingProjectId? Id, OngoingProjectInput Input) : IRequest<SaveResult<OngoingProjectData>>;

public sealed class SaveOngoingProjectHandler(AppDbContext db, ICurrentUser user, ILogger<SaveOngoingProjectHandler> log)
    : IRequestHandler<SaveOngoingProject, SaveResult<OngoingProjectData>>
{
    public const string UniqueIndex = "IX_ongoing_projects_ProjectCode_DocumentType_DocumentNumber";

    public async ValueTask<SaveResult<OngoingProjectData>> Handle(SaveOngoingProject request, CancellationToken ct)
    {
        OngoingProject? record = null;
        if (request.Id is { } id)
        {
            record = await db.OngoingProjects.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (record is null) return SaveResult<OngoingProjectData>.NotFound();
        }
        if (!user.IsInRole(Roles.ExchangeCenterStaff)) return SaveResult<OngoingProjectData>.Forbidden();
        if (record is not null && record.Version != request.Input.Version)
            return await CurrentAsync(db, record.Id, ct) is { } stored ? SaveResult<OngoingProjectData>.Conflict(stored) : SaveResult<OngoingProjectData>.NotFound();

        var (candidate, errors) = OngoingProjectRules.Build(request.Input, record?.Id ?? OngoingProjectId.New());
        if (errors.Count == 0 && await db.OngoingProjects.AnyAsync(p => p.ProjectCode == candidate.ProjectCode && p.DocumentType == candidate.DocumentType
                && p.DocumentNumber == candidate.DocumentNumber && p.Id != candidate.Id, ct))
            errors.Add(Error.For("ONG-DUPLICATE", nameof(OngoingProject.DocumentNumber)));
        if (errors.Count > 0) return SaveResult<OngoingProjectData>.Invalid(errors);

        if (record is null)
        {
            record = candidate;
            db.OngoingProjects.Add(record);
        }
        else
        {
            Copy(candidate, record);
            db.Entry(record).Property(p => p.Version).OriginalValue = request.Input.Version;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await CurrentAsync(db, record.Id, ct) is { } current ? SaveResult<OngoingProjectData>.Conflict(current) : SaveResult<OngoingProjectData>.NotFound();
        }
        catch (DbUpdateException ex) when (RegistryScope.IsUniqueViolation(ex, UniqueIndex))
        {
            return SaveResult<OngoingProjectData>.Invalid([Error.For("ONG-DUPLICATE", nameof(OngoingProject.DocumentNumber))]);
        }
        log.LogInformation("Ongoing project record {OngoingProjectId} saved ({Action})", record.Id, request.Id is null ? "created" : "updated");
        return SaveResult<OngoingProjectData>.Saved((await CurrentAsync(db, record.Id, ct))!);
    }

    internal static async Task<OngoingProjectData?> CurrentAsync(AppDbContext db, OngoingProjectId id, CancellationToken ct) =>
        await db.OngoingProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? OngoingProjectData.From(p) : null;

    private static void Copy(OngoingProject from, OngoingProject to)
    {
        to.Programme = from.Programme;
        to.ProjectCode = from.ProjectCode;
        to.ProjectTitle = from.ProjectTitle;
        to.DocumentType = from.DocumentType;
        to.DocumentNumber = from.DocumentNumber;
        to.PersonName = from.PersonName;
        to.Role = from.Role;
        to.StartsOn = from.StartsOn;
        to.OriginalEndsOn = from.OriginalEndsOn;
        to.EndsOn = from.EndsOn;
        to.LeftTeamOn = from.LeftTeamOn;
    }
}

// Delete one record, with the Version read with it (a stale one is a conflict).
public sealed record DeleteOngoingProject(OngoingProjectId Id, uint Version) : IRequest<SaveResult<OngoingProjectData>>;

public sealed class DeleteOngoingProjectHandler(AppDbContext db, ICurrentUser user, ILogger<DeleteOngoingProjectHandler> log)
    : IRequestHandler<DeleteOngoingProject, SaveResult<OngoingProjectData>>
{
    public async ValueTask<SaveResult<OngoingProjectData>> Handle(DeleteOngoingProject request, CancellationToken ct)
    {
        var record = await db.OngoingProjects.SingleOrDefaultAsync(p => p.Id == request.Id, ct);
        if (record is null) return SaveResult<OngoingProjectData>.NotFound();
        if (!user.IsInRole(Roles.ExchangeCenterStaff)) return SaveResult<OngoingProjectData>.Forbidden();
        var data = OngoingProjectData.From(record);
        if (record.Version != request.Version) return SaveResult<OngoingProjectData>.Conflict(data);
        db.OngoingProjects.Remove(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await SaveOngoingProjectHandler.CurrentAsync(db, request.Id, ct) is { } current
                ? SaveResult<OngoingProjectData>.Conflict(current) : SaveResult<OngoingProjectData>.NotFound();
        }
        log.LogInformation("Ongoing project record {OngoingProjectId} deleted", record.Id);
        return SaveResult<OngoingProjectData>.Saved(data);
    }
}
