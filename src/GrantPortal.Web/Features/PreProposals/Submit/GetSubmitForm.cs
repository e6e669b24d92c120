using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Submit;

// What the lead-unit administrator reviews before submitting: the proposal in short, the call's
// window and the recommending units to choose from.
public sealed record GetSubmitForm(ProposalId Id) : IRequest<SubmitForm?>;

public sealed record SubmitForm(
    Guid ProposalId, string Title, ApplicationState State, string CallCode, string CallTitle, string? CallTitleEn,
    string DirectionNumber, string DirectionTitle, string? DirectionTitleEn, string LeadUnitName, string? LeadUnitNameEn,
    string? PiName, int NarrativeLength, int NarrativeLimit, DateTimeOffset WindowOpens, DateTimeOffset WindowCloses,
    DateTimeOffset Now, bool HasReceipt, IReadOnlyList<RecommendingUnitOption> RecommendingUnits)
{
    public bool WindowOpen => Now >= WindowOpens && Now < WindowCloses;
}

public sealed record RecommendingUnitOption(Guid Id, string Name, string? NameEn);

public sealed class GetSubmitFormHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetSubmitForm, SubmitForm?>
{
    public async ValueTask<SubmitForm?> Handle(GetSubmitForm request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null || !ProposalAccess.CanView(p, user) || !ProposalAccess.IsLeadUnitAdmin(p, user)) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == p.CallId, ct);
        var direction = await db.Directions.AsNoTracking().SingleAsync(d => d.Id == p.DirectionId, ct);
        var lead = await db.Units.AsNoTracking().SingleAsync(u => u.Id == p.LeadUnitId, ct);
        var pi = p.PiPersonId is { } piId ? await db.People.AsNoTracking().Where(x => x.Id == piId).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        // RECOMMENDER-SCOPE: only the recommending units whose scope contains the lead unit today
        // (every verified one when the call's rule set leaves the rule out).
        var units = (await Registries.Units.Members.Memberships.RecommendersOfAsync(db, lead, BeijingTime.Today(clock.GetUtcNow()),
                call.RuleIds.Contains("RECOMMENDER-SCOPE"), ct))
            .Select(u => new RecommendingUnitOption(u.Id.Value, u.Name, u.NameEn))
            .ToList();
        return new SubmitForm(p.Id.Value, p.Title, p.State, call.Code, call.Title, call.TitleEn,
            direction.Number, direction.Title, direction.TitleEn, lead.Name, lead.NameEn, pi,
            p.NarrativeLength(), call.NarrativeLimit, call.PreWindowOpens, call.PreWindowCloses, clock.GetUtcNow(),
            p.SubmissionNumber is not null, units);
    }
}
