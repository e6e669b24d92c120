using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.ExchangeCenter.Recommendations;

// The Exchange Center's view of the recommending units of one call (issue 6, point 6): per unit,
// what arrived (the batches it sent) and when, the counts per guide direction and per state of what
// was sent, and the units that have applications addressed to them but have sent nothing while the
// recommending units' deadline is near (within WarnDays, or passed). Only what was SENT is detailed:
// of what still sits at a recommending unit, the Exchange Center sees a count, never an application.
// CallId null: the call whose recommending units' deadline comes next (else the latest). UnitId: one
// unit's applications as well.
public sealed record GetRecommendations(Guid? CallId, Guid? UnitId, int? WarnDays) : IRequest<RecommendationsResult>;

public sealed record RecommendationsResult(Outcome Outcome, IReadOnlyList<Error> Errors, RecommendationsData? Data);

public sealed record CallChoice(Guid Id, string Code, string Title, string? TitleEn);

// Key: a direction number or a state name; Label (and LabelEn): what a person reads.
public sealed record Figure(string Key, string Label, string? LabelEn, int Count);

public sealed record ArrivedBatch(Guid Id, DateTimeOffset SentAt, int Count, string ListHash);

public sealed record UnitArrivals(
    Guid UnitId, string Name, string? NameEn, UnitKind Kind, int Addressed, int Sent, DateTimeOffset? LastSentAt,
    bool NotSent, bool AtRisk, IReadOnlyList<ArrivedBatch> Batches, IReadOnlyList<Figure> PerDirection, IReadOnlyList<Figure> PerState);

// Visible: the Exchange Center may open it (the current submission of the application; false for a
// submission withdrawn since).
public sealed record ArrivedApplication(
    Guid Id, string SubmissionNumber, string Title, string DirectionNumber, string DirectionTitle, string? DirectionTitleEn,
    ApplicationState State, DateTimeOffset SentAt, Guid BatchId, bool Visible);

public sealed record RecommendationsData(
    CallChoice? Call, DateTimeOffset? Deadline, DateTimeOffset Now, int WarnDays, IReadOnlyList<CallChoice> Calls,
    int UnitCount, int NotSentCount, int AtRiskCount, int SentTotal,
    IReadOnlyList<UnitArrivals> Units, IReadOnlyList<Figure> PerDirection, IReadOnlyList<Figure> PerState,
    UnitArrivals? Unit, IReadOnlyList<ArrivedApplication> Applications)
{
    public bool DeadlinePassed => Deadline is { } d && Now >= d;
    public bool DeadlineNear => Deadline is { } d && Now >= d.AddDays(-WarnDays);
}

public sealed class GetRecommendationsHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<GetRecommendationsHandler> log)
    : IRequestHandler<GetRecommendations, RecommendationsResult>
{
    public const int DefaultWarnDays = 3;
    public const int MaxWarnDays = 60;
    public const string WarnDaysRange = "EcRecommendations.WarnDaysRange";

    private static readonly ApplicationState[] InCall = [.. Enum.GetValues<ApplicationState>().Where(s => s.IsInCall())];

    public async ValueTask<RecommendationsResult> Handle(GetRecommendations request, CancellationToken ct)
    {
        var warnDays = request.WarnDays ?? DefaultWarnDays;
        if (warnDays is < 0 or > MaxWarnDays)
            return new(Outcome.Invalid, [Error.For(WarnDaysRange, "WarnDays", ("max", MaxWarnDays))], null);
        if (!user.IsInRole(Roles.ExchangeCenterStaff)) return new(Outcome.NotFound, StateChangeResult.NotFound.Errors, null);

        var now = clock.GetUtcNow();
        var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.PreWindowCloses)
            .Select(c => new { c.Id, c.Code, c.Title, c.TitleEn, c.RecommenderDeadline }).ToListAsync(ct);
        var choices = calls.Select(c => new CallChoice(c.Id.Value, c.Code, c.Title, c.TitleEn)).ToList();
        var call = request.CallId is { } id
            ? calls.SingleOrDefault(c => c.Id.Value == id)
            : calls.Where(c => c.RecommenderDeadline > now).MinBy(c => c.RecommenderDeadline) ?? calls.FirstOrDefault();
        if (call is null)
        {
            if (request.CallId is not null) return new(Outcome.NotFound, StateChangeResult.NotFound.Errors, null);
            return new(Outcome.Done, [], new RecommendationsData(null, null, now, warnDays, choices, 0, 0, 0, 0, [], [], [], null, []));
        }

        // What arrived: every item of every batch of the call, with the application it names.
        var visible = db.PreProposals.VisibleTo(user).Select(p => p.Id);
        var items = await (
                from i in db.RecommendationBatchItems
                join b in db.RecommendationBatches on i.BatchId equals b.Id
                join p in db.PreProposals on i.ProposalId equals p.Id
                join d in db.Directions on p.DirectionId equals d.Id
                where b.CallId == call.Id
                select new
                {
                    b.RecommendingUnitId, BatchId = b.Id, b.SentAt, b.ListHash, i.ProposalId, i.SubmissionNumber,
                    Current = p.SubmissionNumber, p.State, p.Title, d.Number, DirectionTitle = d.Title, d.TitleEn, d.SortOrder,
                    Visible = visible.Contains(p.Id),
                })
            .ToListAsync(ct);
        var arrived = items.Select(x =>
        {
            // The submission that was sent has been withdrawn since (a new one has another number).
            var current = x.Current == x.SubmissionNumber;
            return new
            {
                Unit = x.RecommendingUnitId,
                x.SortOrder,
                App = new ArrivedApplication(x.ProposalId.Value, x.SubmissionNumber, x.Title, x.Number, x.DirectionTitle, x.TitleEn,
                    current ? x.State : ApplicationState.Withdrawn, x.SentAt, x.BatchId, current && x.Visible),
                Batch = new { Id = x.BatchId, x.SentAt, x.ListHash },
            };
        }).ToList();

        // Addressed to each unit in this call and not withdrawn: a count only.
        var addressed = (await db.PreProposals.AsNoTracking()
                .Where(p => p.CallId == call.Id && p.RecommendingUnitId != null && InCall.Contains(p.State))
                .Select(p => p.RecommendingUnitId!.Value).ToListAsync(ct))
            .CountBy(u => u).ToDictionary(x => x.Key, x => x.Value);
        var unitIds = addressed.Keys.Concat(arrived.Select(a => a.Unit)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);

        var nearDeadline = now >= call.RecommenderDeadline.AddDays(-warnDays);
        var rows = units.Select(u =>
            {
                var mine = arrived.Where(a => a.Unit == u.Id).ToList();
                var batches = mine.GroupBy(a => a.Batch.Id)
                    .Select(g => new ArrivedBatch(g.Key, g.First().Batch.SentAt, g.Count(), g.First().Batch.ListHash))
                    .OrderBy(b => b.SentAt).ToList();
                var count = addressed.GetValueOrDefault(u.Id);
                var notSent = batches.Count == 0;
                return new UnitArrivals(u.Id.Value, u.Name, u.NameEn, u.Kind, count, mine.Count, batches.LastOrDefault()?.SentAt,
                    notSent, notSent && count > 0 && nearDeadline, batches,
                    PerDirection(mine.Select(a => (a.App, a.SortOrder))), PerState(mine.Select(a => a.App)));
            })
            // At a glance: the units at risk first, then those that sent nothing, then by name.
            .OrderByDescending(r => r.AtRisk).ThenByDescending(r => r.NotSent).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        UnitArrivals? selected = null;
        IReadOnlyList<ArrivedApplication> applications = [];
        if (request.UnitId is { } unitId)
        {
            selected = rows.SingleOrDefault(r => r.UnitId == unitId);
            if (selected is null) return new(Outcome.NotFound, StateChangeResult.NotFound.Errors, null);
            applications = [.. arrived.Where(a => a.Unit.Value == unitId).OrderBy(a => a.App.SentAt).ThenBy(a => a.SortOrder).ThenBy(a => a.App.SubmissionNumber, StringComparer.Ordinal).Select(a => a.App)];
        }

        log.LogInformation("Recommendations of call {CallId}: {Units} units, {Sent} applications sent", call.Id, rows.Count, arrived.Count);
        return new(Outcome.Done, [], new RecommendationsData(
            new CallChoice(call.Id.Value, call.Code, call.Title, call.TitleEn), call.RecommenderDeadline, now, warnDays, choices,
            rows.Count, rows.Count(r => r.NotSent), rows.Count(r => r.AtRisk), arrived.Count, rows,
            PerDirection(arrived.Select(a => (a.App, a.SortOrder))), PerState(arrived.Select(a => a.App)), selected, applications));
    }

    private static List<Figure> PerDirection(IEnumerable<(ArrivedApplication App, int SortOrder)> apps) =>
        [.. apps.GroupBy(a => (a.App.DirectionNumber, a.App.DirectionTitle, a.App.DirectionTitleEn, a.SortOrder))
            .OrderBy(g => g.Key.SortOrder).ThenBy(g => g.Key.DirectionNumber, StringComparer.Ordinal)
            .Select(g => new Figure(g.Key.DirectionNumber, $"{g.Key.DirectionNumber}. {g.Key.DirectionTitle}",
                g.Key.DirectionTitleEn is { Length: > 0 } en ? $"{g.Key.DirectionNumber}. {en}" : null, g.Count()))];

    private static List<Figure> PerState(IEnumerable<ArrivedApplication> apps) =>
        [.. apps.GroupBy(a => a.State).OrderBy(g => g.Key).Select(g => new Figure(g.Key.ToString(), g.Key.ToString(), null, g.Count()))];
}
