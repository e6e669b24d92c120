using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.View;

// The whole pre-proposal, read-only, for anyone who may see it, with names from the registries,
// the server's narrative count, the attachments, the history and what the reader may do next.
public sealed record GetProposalView(ProposalId Id) : IRequest<ProposalView?>;

public sealed record NamedUnit(Guid Id, string Name, string? NameEn, string Identifier, bool IsForeign, bool IsVerified);

public sealed record NamedPerson(Guid Id, string Name, string? NameEn, string? UnitName, string? UnitNameEn, bool IsVerified);

public sealed record ViewMember(MemberRole Role, NamedPerson Person);

public sealed record ViewSection(string Field, string TitleCode, string Text, int Count);

public sealed record ViewIndicator(int Number, string Indicator, string Answer, int Count);

public sealed record ViewAttachment(AttachmentKind Kind, string FileName, long SizeBytes, string Sha256, DateOnly? SignedOn, DateTimeOffset UploadedAt);

public sealed record ProposalActions(bool IsOwner, bool IsLeadUnitAdmin, bool Edit, bool MarkComplete, bool Reopen, bool Submit, bool Withdraw, bool Accept, bool Receipt);

public sealed record ProposalView(
    Guid Id, string Title, ApplicationState State,
    string CallCode, string CallTitle, string? CallTitleEn, int NarrativeLimit,
    string DirectionNumber, string DirectionTitle, string? DirectionTitleEn,
    NamedUnit? LeadUnit, NamedPerson? Pi, int? PiMonthsPerYear, int? DurationMonths, decimal? RequestedBudget, decimal? MatchingFundsPercent,
    IReadOnlyList<NamedUnit> Units, IReadOnlyList<ViewMember> Members,
    IReadOnlyList<ViewSection> Sections, IReadOnlyList<ViewIndicator> Indicators, int NarrativeLength,
    IReadOnlyList<ViewAttachment> Attachments,
    NamedUnit? RecommendingUnit, string? SubmissionNumber, DateTimeOffset? SubmittedAt, string? ContentHash,
    IReadOnlyList<HistoryEntry> History, ProposalActions Actions)
{
    public bool OverLimit => NarrativeLength > NarrativeLimit;
}

public sealed class GetProposalViewHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<GetProposalView, ProposalView?>
{
    private static readonly ApplicationState[] Withdrawable =
        [ApplicationState.Submitted, ApplicationState.Returned, ApplicationState.Endorsed, ApplicationState.NotEndorsed];

    public async ValueTask<ProposalView?> Handle(GetProposalView request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null || !ProposalAccess.CanView(p, user)) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == p.CallId, ct);
        var direction = await db.Directions.AsNoTracking().SingleAsync(d => d.Id == p.DirectionId, ct);

        var personIds = p.Members.Select(m => m.PersonId).ToList();
        if (p.PiPersonId is { } piId) personIds.Add(piId);
        var people = await db.People.AsNoTracking().Where(x => personIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var unitIds = p.Units.Select(u => u.UnitId).Append(p.LeadUnitId)
            .Concat(people.Values.Where(x => x.UnitId != null).Select(x => x.UnitId!.Value)).ToList();
        if (p.RecommendingUnitId is { } rec) unitIds.Add(rec);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);

        NamedUnit? Unit(UnitId id) => units.TryGetValue(id, out var u)
            ? new NamedUnit(u.Id.Value, u.Name, u.NameEn, u.IsForeign ? $"{u.CountryCode} {u.ForeignRegistrationNumber}".Trim() : u.SocialCreditCode ?? "", u.IsForeign, u.IsVerified)
            : null;
        NamedPerson? Person(PersonId id)
        {
            if (!people.TryGetValue(id, out var x)) return null;
            Domain.Registries.Unit? unit = x.UnitId is { } uid && units.TryGetValue(uid, out var found) ? found : null;
            return new NamedPerson(x.Id.Value, x.Name, x.NameEn, unit?.Name, unit?.NameEn, x.IsVerified);
        }

        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.ProposalId == p.Id && a.SupersededAt == null)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new ViewAttachment(a.Kind, a.FileName, a.SizeBytes, a.Sha256, a.SignedOn, a.UploadedAt))
            .ToListAsync(ct);
        var history = await GetHistoryHandler.LoadAsync(db, p.Id, ct);

        var owner = ProposalAccess.IsOwner(p, user);
        var lead = ProposalAccess.IsLeadUnitAdmin(p, user);
        var actions = new ProposalActions(
            IsOwner: owner,
            IsLeadUnitAdmin: lead,
            Edit: ProposalAccess.CanEdit(p, user),
            MarkComplete: owner && p.State == ApplicationState.Draft,
            Reopen: owner && p.State is ApplicationState.Complete or ApplicationState.Withdrawn or ApplicationState.Returned,
            Submit: lead && p.State == ApplicationState.Complete,
            Withdraw: lead && Withdrawable.Contains(p.State),
            Accept: user.IsInRole(Roles.ExchangeCenterStaff) && p.State == ApplicationState.Endorsed,
            Receipt: p.SubmissionNumber is not null);

        return new ProposalView(
            p.Id.Value, p.Title, p.State, call.Code, call.Title, call.TitleEn, call.NarrativeLimit,
            direction.Number, direction.Title, direction.TitleEn,
            Unit(p.LeadUnitId), p.PiPersonId is { } pi ? Person(pi) : null, p.PiMonthsPerYear, p.DurationMonths, p.RequestedBudget, p.MatchingFundsPercent,
            [.. p.Units.OrderBy(u => u.SortOrder).Select(u => Unit(u.UnitId)).OfType<NamedUnit>()],
            [.. p.Members.OrderBy(m => m.SortOrder).Select(m => (m.Role, Person: Person(m.PersonId))).Where(m => m.Person is not null).Select(m => new ViewMember(m.Role, m.Person!))],
            [
                new ViewSection(nameof(p.Objectives), "Submission.Field.Objectives", p.Objectives, NarrativeLength.Count(p.Objectives)),
                new ViewSection(nameof(p.Innovation), "Submission.Field.Innovation", p.Innovation, NarrativeLength.Count(p.Innovation)),
                new ViewSection(nameof(p.TechnicalRoute), "Submission.Field.TechnicalRoute", p.TechnicalRoute, NarrativeLength.Count(p.TechnicalRoute)),
                new ViewSection(nameof(p.ResearchBasis), "Submission.Field.ResearchBasis", p.ResearchBasis, NarrativeLength.Count(p.ResearchBasis)),
            ],
            [.. direction.Indicators.Select((indicator, i) =>
            {
                var answer = p.IndicatorAnswers.FirstOrDefault(a => a.IndicatorIndex == i)?.Answer ?? "";
                return new ViewIndicator(i + 1, indicator, answer, NarrativeLength.Count(answer));
            })],
            p.NarrativeLength(),
            attachments,
            p.RecommendingUnitId is { } r ? Unit(r) : null, p.SubmissionNumber, p.SubmittedAt, p.ContentHash,
            history, actions);
    }
}
