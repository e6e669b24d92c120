using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.People.Sanctions;

// Record or correct a sanction or blacklist entry of a person (platform admin; UNIT-INTEGRITY).
// Every change is audited (AuditInterceptor: PersonSanction); a lifted sanction gets its last day
// rather than being deleted, so that its history stays. A stale version is a conflict answered
// with the stored values.
public sealed record SaveSanction(PersonId PersonId, SanctionId? Id, SanctionInput Input) : IRequest<SaveResult<SanctionData>>;

public sealed class SaveSanctionHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<SaveSanctionHandler> log)
    : IRequestHandler<SaveSanction, SaveResult<SanctionData>>
{
    public async ValueTask<SaveResult<SanctionData>> Handle(SaveSanction request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user)) return SaveResult<SanctionData>.Forbidden();
        if (!await db.People.AnyAsync(p => p.Id == request.PersonId, ct)) return SaveResult<SanctionData>.NotFound();
        PersonSanction sanction;
        if (request.Id is { } id)
        {
            var found = await db.PersonSanctions.SingleOrDefaultAsync(s => s.Id == id && s.PersonId == request.PersonId, ct);
            if (found is null) return SaveResult<SanctionData>.NotFound();
            sanction = found;
        }
        else
        {
            sanction = new PersonSanction { PersonId = request.PersonId };
        }
        var today = BeijingTime.Today(clock.GetUtcNow());
        if (request.Id is not null && sanction.Version != request.Input.Version)
            return SaveResult<SanctionData>.Conflict(SanctionData.From(sanction, today));

        var input = request.Input;
        var errors = SanctionRecords.Validate(input);
        if (errors.Count > 0) return SaveResult<SanctionData>.Invalid(errors);

        sanction.Kind = input.Kind!.Value;
        sanction.StartsOn = input.StartsOn!.Value;
        sanction.EndsOn = input.EndsOn;
        sanction.Reference = RegistryScope.Clean(input.Reference)!;
        sanction.Note = RegistryScope.Clean(input.Note);
        if (request.Id is null) db.PersonSanctions.Add(sanction);
        else db.Entry(sanction).Property(x => x.Version).OriginalValue = input.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.PersonSanctions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sanction.Id, ct);
            return current is null ? SaveResult<SanctionData>.NotFound() : SaveResult<SanctionData>.Conflict(SanctionData.From(current, today));
        }
        log.LogInformation("Sanction {SanctionId} of person {PersonId} saved", sanction.Id, sanction.PersonId);
        return SaveResult<SanctionData>.Saved(SanctionData.From(sanction, today));
    }
}

// Remove an entry recorded by mistake (audited like every change); the version guards it.
public sealed record DeleteSanction(PersonId PersonId, SanctionId Id, uint Version) : IRequest<SaveResult<SanctionData>>;

public sealed class DeleteSanctionHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<DeleteSanctionHandler> log)
    : IRequestHandler<DeleteSanction, SaveResult<SanctionData>>
{
    public async ValueTask<SaveResult<SanctionData>> Handle(DeleteSanction request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user)) return SaveResult<SanctionData>.Forbidden();
        var sanction = await db.PersonSanctions.SingleOrDefaultAsync(s => s.Id == request.Id && s.PersonId == request.PersonId, ct);
        if (sanction is null) return SaveResult<SanctionData>.NotFound();
        var today = BeijingTime.Today(clock.GetUtcNow());
        if (sanction.Version != request.Version) return SaveResult<SanctionData>.Conflict(SanctionData.From(sanction, today));
        db.PersonSanctions.Remove(sanction);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.PersonSanctions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Id, ct);
            return current is null ? SaveResult<SanctionData>.NotFound() : SaveResult<SanctionData>.Conflict(SanctionData.From(current, today));
        }
        log.LogInformation("Sanction {SanctionId} of person {PersonId} deleted", request.Id, request.PersonId);
        return SaveResult<SanctionData>.Saved(SanctionData.From(sanction, today));
    }
}

// The sanctions of one person, newest first (platform admin only; null for anyone else or an unknown person).
public sealed record ListSanctions(PersonId PersonId) : IRequest<IReadOnlyList<SanctionData>?>;

public sealed class ListSanctionsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListSanctions, IReadOnlyList<SanctionData>?>
{
    public async ValueTask<IReadOnlyList<SanctionData>?> Handle(ListSanctions request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user) || !await db.People.AnyAsync(p => p.Id == request.PersonId, ct)) return null;
        var today = BeijingTime.Today(clock.GetUtcNow());
        var rows = await db.PersonSanctions.AsNoTracking().Where(s => s.PersonId == request.PersonId)
            .OrderByDescending(s => s.StartsOn).ThenByDescending(s => s.Id).ToListAsync(ct);
        return [.. rows.Select(s => SanctionData.From(s, today))];
    }
}
