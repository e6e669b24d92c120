using System.Text.Json.Serialization;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Admin.Calls.GuideExperts;

// GUIDE-EXPERT-BAR: the list of a call's consultative committee members and guide-drafting
// experts, people of the registry. The platform admin keeps it (the call's configuration is the
// admin's, DOMAIN.md "Actors"); every addition and removal is audited (AuditInterceptor:
// GuideExpert). The eligibility rules read it by identity document.
public sealed record GuideExpertData(
    Guid PersonId,
    string Name,
    string? NameEn,
    [property: JsonConverter(typeof(JsonStringEnumConverter<IdentityDocumentType>))] IdentityDocumentType DocumentType,
    string DocumentNumber,
    [property: JsonConverter(typeof(JsonStringEnumConverter<GuideExpertRole>))] GuideExpertRole Role,
    DateTimeOffset AddedAt);

public sealed record GuideExpertList(Guid CallId, string CallCode, string CallTitle, string? CallTitleEn, IReadOnlyList<GuideExpertData> Experts);

public sealed record GuideExpertInput
{
    public Guid? PersonId { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<GuideExpertRole>))]
    public GuideExpertRole? Role { get; init; }
}

public sealed record ListGuideExperts(CallId CallId) : IRequest<GuideExpertList?>;

public sealed class ListGuideExpertsHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<ListGuideExperts, GuideExpertList?>
{
    public async ValueTask<GuideExpertList?> Handle(ListGuideExperts request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user)) return null;
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CallId, ct);
        if (call is null) return null;
        var experts = await db.GuideExperts.AsNoTracking().Where(g => g.CallId == request.CallId)
            .Join(db.People, g => g.PersonId, p => p.Id, (g, p) => new GuideExpertData(p.Id.Value, p.Name, p.NameEn, p.DocumentType, p.DocumentNumber, g.Role, g.AddedAt))
            .ToListAsync(ct);
        return new GuideExpertList(call.Id.Value, call.Code, call.Title, call.TitleEn, [.. experts.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.PersonId)]);
    }
}

public enum GuideExpertStatus
{
    Done,
    Invalid,
    NotFound,
}

public sealed record GuideExpertResult(GuideExpertStatus Status, IReadOnlyList<Error> Errors, int Added = 0);

// Adds one person to the call's list.
public sealed record AddGuideExpert(CallId CallId, GuideExpertInput Input) : IRequest<GuideExpertResult>;

public sealed class AddGuideExpertHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<AddGuideExpertHandler> log)
    : IRequestHandler<AddGuideExpert, GuideExpertResult>
{
    public async ValueTask<GuideExpertResult> Handle(AddGuideExpert request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user) || !await db.Calls.AnyAsync(c => c.Id == request.CallId, ct))
            return new(GuideExpertStatus.NotFound, [Error.For("CALL-NOT-FOUND")]);
        var errors = new List<Error>();
        if (request.Input.Role is not { } role || !Enum.IsDefined(role)) errors.Add(Error.For("GUIDE-EXPERT-ROLE-REQUIRED", "role"));
        var person = request.Input.PersonId is { } id ? new PersonId(id) : (PersonId?)null;
        if (person is null || !await db.People.AnyAsync(p => p.Id == person, ct)) errors.Add(Error.For("GUIDE-EXPERT-PERSON-UNKNOWN", "personId"));
        else if (await db.GuideExperts.AnyAsync(g => g.CallId == request.CallId && g.PersonId == person, ct)) errors.Add(Error.For("GUIDE-EXPERT-ALREADY", "personId"));
        if (errors.Count > 0) return new(GuideExpertStatus.Invalid, errors);

        db.GuideExperts.Add(new GuideExpert { CallId = request.CallId, PersonId = person!.Value, Role = request.Input.Role!.Value, AddedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (RegistryScope.IsUniqueViolation(ex, "IX_guide_experts_CallId_PersonId"))
        {
            return new(GuideExpertStatus.Invalid, [Error.For("GUIDE-EXPERT-ALREADY", "personId")]);
        }
        log.LogInformation("Guide expert {PersonId} added to call {CallId}", person, request.CallId);
        return new(GuideExpertStatus.Done, [], 1);
    }
}

public sealed record RemoveGuideExpert(CallId CallId, PersonId PersonId) : IRequest<GuideExpertResult>;

public sealed class RemoveGuideExpertHandler(AppDbContext db, ICurrentUser user, ILogger<RemoveGuideExpertHandler> log) : IRequestHandler<RemoveGuideExpert, GuideExpertResult>
{
    public async ValueTask<GuideExpertResult> Handle(RemoveGuideExpert request, CancellationToken ct)
    {
        var row = RegistryScope.IsAdmin(user)
            ? await db.GuideExperts.SingleOrDefaultAsync(g => g.CallId == request.CallId && g.PersonId == request.PersonId, ct)
            : null;
        if (row is null) return new(GuideExpertStatus.NotFound, [Error.For("GUIDE-EXPERT-NOT-FOUND")]);
        db.GuideExperts.Remove(row);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Guide expert {PersonId} removed from call {CallId}", request.PersonId, request.CallId);
        return new(GuideExpertStatus.Done, []);
    }
}

// Adds the people named by identity document number, one per line (a CSV's first column; a header
// line or a number already on the list is skipped). Every number must name exactly one person of
// the registry, or nothing is added: the errors name the lines.
public sealed record ImportGuideExperts(CallId CallId, string? Numbers, GuideExpertRole? Role) : IRequest<GuideExpertResult>;

public sealed class ImportGuideExpertsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<ImportGuideExpertsHandler> log)
    : IRequestHandler<ImportGuideExperts, GuideExpertResult>
{
    public const int MaxLines = 500;

    public async ValueTask<GuideExpertResult> Handle(ImportGuideExperts request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user) || !await db.Calls.AnyAsync(c => c.Id == request.CallId, ct))
            return new(GuideExpertStatus.NotFound, [Error.For("CALL-NOT-FOUND")]);
        var errors = new List<Error>();
        if (request.Role is not { } role || !Enum.IsDefined(role)) errors.Add(Error.For("GUIDE-EXPERT-ROLE-REQUIRED", "role"));
        var lines = (request.Numbers ?? "").Split('\n')
            .Select((text, i) => (Line: i + 1, Number: PersonKey.Normalize(text.Split(',', ';', '\t')[0].Trim().Trim('"'))))
            .Where(x => x.Number.Length > 0)
            .ToList();
        if (lines.Count == 0) errors.Add(Error.For("GUIDE-EXPERT-IMPORT-EMPTY", "numbers"));
        if (lines.Count > MaxLines) errors.Add(Error.For("GUIDE-EXPERT-IMPORT-TOO-MANY", "numbers", ("max", MaxLines)));
        if (errors.Count > 0) return new(GuideExpertStatus.Invalid, errors);

        var numbers = lines.Select(x => x.Number).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => numbers.Contains(p.DocumentNumber.ToUpper()))
            .Select(p => new { p.Id, p.DocumentNumber }).ToListAsync(ct);
        var byNumber = people.ToLookup(p => PersonKey.Normalize(p.DocumentNumber), p => p.Id);
        var already = (await db.GuideExperts.Where(g => g.CallId == request.CallId).Select(g => g.PersonId).ToListAsync(ct)).ToHashSet();
        var toAdd = new List<PersonId>();
        foreach (var (line, number) in lines)
        {
            var found = byNumber[number].ToList();
            // A header line ("证件号码", "documentNumber") names nobody and is skipped when first.
            if (found.Count == 0 && line == lines[0].Line && !number.Any(char.IsDigit)) continue;
            if (found.Count == 0) errors.Add(Error.For("GUIDE-EXPERT-IMPORT-UNKNOWN", "numbers", ("line", line), ("number", number)));
            else if (found.Count > 1) errors.Add(Error.For("GUIDE-EXPERT-IMPORT-AMBIGUOUS", "numbers", ("line", line), ("number", number)));
            else if (already.Add(found[0])) toAdd.Add(found[0]);
        }
        if (errors.Count > 0) return new(GuideExpertStatus.Invalid, errors);

        var now = clock.GetUtcNow();
        db.GuideExperts.AddRange(toAdd.Select(p => new GuideExpert { CallId = request.CallId, PersonId = p, Role = request.Role!.Value, AddedAt = now }));
        await db.SaveChangesAsync(ct);
        log.LogInformation("{Count} guide experts imported into call {CallId}", toAdd.Count, request.CallId);
        return new(GuideExpertStatus.Done, [], toAdd.Count);
    }
}
