using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Unit = GrantPortal.Domain.Registries.Unit;

namespace GrantPortal.Web.Features.Registries.Units.Members;

// The platform admin adds a member unit (by its unified social credit code) to the list of an
// association or alliance, with the days its membership starts and ends (both optional, inclusive).
public sealed record AddMember(UnitId RecommendingUnitId, MemberInput Input) : IRequest<MemberResult>;

public sealed class MemberInput
{
    public string? SocialCreditCode { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? Until { get; set; }
}

public sealed record MemberResult(SaveStatus Status, MemberRow? Member, IReadOnlyList<Error> Errors)
{
    public static MemberResult NotFound() => new(SaveStatus.NotFound, null, [Error.For("REG-NOT-FOUND")]);
    public static MemberResult Invalid(IReadOnlyList<Error> errors) => new(SaveStatus.Invalid, null, errors);
}

public sealed class AddMemberHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<AddMemberHandler> log) : IRequestHandler<AddMember, MemberResult>
{
    public async ValueTask<MemberResult> Handle(AddMember request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user)) return MemberResult.NotFound();
        var list = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.RecommendingUnitId, ct);
        if (list is null) return MemberResult.NotFound();
        var (member, errors) = await MemberRules.CheckAsync(db, list, request.Input.SocialCreditCode, request.Input.From, request.Input.Until, ct);
        if (member is not null && await db.UnitMemberships.AnyAsync(m => m.RecommendingUnitId == list.Id && m.MemberUnitId == member.Id, ct))
            errors.Add(Error.For("Membership.Duplicate", nameof(MemberInput.SocialCreditCode)));
        if (errors.Count > 0) return MemberResult.Invalid(errors);

        var row = new UnitMembership { RecommendingUnitId = list.Id, MemberUnitId = member!.Id, From = request.Input.From, Until = request.Input.Until };
        db.UnitMemberships.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (RegistryScope.IsUniqueViolation(ex, "IX_unit_memberships_RecommendingUnitId_MemberUnitId"))
        {
            return MemberResult.Invalid([Error.For("Membership.Duplicate", nameof(MemberInput.SocialCreditCode))]);
        }
        log.LogInformation("Unit {MemberUnitId} added to the members of {UnitId}", member.Id, list.Id);
        var today = Domain.Calls.BeijingTime.Today(clock.GetUtcNow());
        return new(SaveStatus.Saved, new MemberRow(row.Id, member.Id.Value, member.Name, member.NameEn, member.SocialCreditCode, row.From, row.Until, row.IsActiveOn(today), row.Version), []);
    }
}

public static class MemberRules
{
    // Every error at once; the member unit when the code names one.
    public static async Task<(Unit? Member, List<Error> Errors)> CheckAsync(AppDbContext db, Unit list, string? code, DateOnly? from, DateOnly? until, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (!UnitMembership.HasMemberList(list.Kind)) errors.Add(Error.For("Membership.NotAList"));
        Unit? member = null;
        var normalized = RegistryScope.Code(code);
        if (normalized is null) errors.Add(Error.For("Membership.CodeRequired", nameof(MemberInput.SocialCreditCode)));
        else if (SocialCreditCode.Validate(normalized, nameof(MemberInput.SocialCreditCode)) is { } invalid) errors.Add(invalid);
        else
        {
            member = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.SocialCreditCode == normalized, ct);
            if (member is null) errors.Add(Error.For("Membership.UnitUnknown", nameof(MemberInput.SocialCreditCode), ("code", normalized)));
            else if (member.Id == list.Id || member.Kind.IsRecommending() || member.Kind == UnitKind.ExchangeCenter)
                errors.Add(Error.For("Membership.NotAMember", nameof(MemberInput.SocialCreditCode), ("unit", member.Name)));
        }
        if (from is { } f && until is { } u && u < f) errors.Add(Error.For("Membership.DatesOrder", nameof(MemberInput.Until)));
        return (member, errors);
    }
}
