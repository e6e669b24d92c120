using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Start;

// An applicant (PI) of a Chinese unit starts a pre-proposal in a call and guide direction. The lead
// unit is the applicant's unit (UNIT-MAINLAND: a university, research institute or enterprise); the
// PI is the applicant's own person record when the account has one, else picked later.
// A draft may be started while the call is published and its pre-proposal window not closed:
// writing may begin before the window opens; submitting is PRE-WINDOW's business.
public sealed record StartDraft(Guid? CallId, Guid? DirectionId) : IRequest<StartDraftResult>;

public sealed record StartDraftResult(ProposalId? Id, uint Version, IReadOnlyList<Error> Errors, bool Forbidden = false)
{
    public bool Started => Id is not null;
}

public sealed class StartDraftHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<StartDraftHandler> log)
    : IRequestHandler<StartDraft, StartDraftResult>
{
    public static readonly UnitKind[] LeadKinds = [UnitKind.University, UnitKind.ResearchInstitute, UnitKind.Enterprise];

    public async ValueTask<StartDraftResult> Handle(StartDraft request, CancellationToken ct)
    {
        var account = user.UserId is { } id ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        // An API client acting for itself is no person: a draft belongs to a user.
        if (account?.UnitId is not { } unitId) return new StartDraftResult(null, 0, [Error.For("DRAFT-NO-UNIT")], Forbidden: true);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var call = request.CallId is { } c ? await db.Calls.AsNoTracking().Include(x => x.Directions).SingleOrDefaultAsync(x => x.Id == new CallId(c), ct) : null;

        var now = clock.GetUtcNow();
        var errors = new List<Error>();
        if (!LeadKinds.Contains(unit.Kind)) errors.Add(Error.For("DRAFT-UNIT-KIND", null, ("kind", unit.Kind)));
        if (call is null) errors.Add(Error.For("DRAFT-CALL-UNKNOWN", nameof(StartDraft.CallId)));
        else if (!IsOpenForDrafts(call, now)) errors.Add(Error.For("DRAFT-CALL-CLOSED", nameof(StartDraft.CallId)));
        else if (request.DirectionId is not { } d || call.Directions.All(x => x.Id.Value != d))
            errors.Add(Error.For("DRAFT-DIRECTION-NOT-IN-CALL", nameof(StartDraft.DirectionId)));
        if (errors.Count > 0) return new StartDraftResult(null, 0, errors);

        var p = new PreProposal
        {
            CallId = call!.Id,
            DirectionId = new DirectionId(request.DirectionId!.Value),
            LeadUnitId = unitId,
            PiPersonId = account.PersonId,
            OwnerUserId = account.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.PreProposals.Add(p);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Draft {ProposalId} started in call {CallId}", p.Id, p.CallId);
        return new StartDraftResult(p.Id, p.Version, []);
    }

    // Published (the guide's publication day has come, Beijing time) and the window not closed.
    public static bool IsOpenForDrafts(GrantCall call, DateTimeOffset now) =>
        BeijingTime.Today(now) >= call.GuidePublishedOn && now < call.PreWindowCloses;
}
