using System.Text.Json.Serialization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Inbox;

public enum FindingsFilter
{
    All,
    // Any eligibility finding (blocking findings can appear after submission, when a registry changed).
    Any,
    // Review findings: the ones a person must judge, with their evidence (issue 5, point 4).
    Review,
    None,
}

// The officer's inbox (issue 6, point 2): the applications addressed to the officer's unit, once
// submitted, and only those — filtered in the query itself (RecommenderAccess.AddressedTo). Filters:
// call, direction, state, lead unit, eligibility findings. Counts per state are over every filter
// but the state, so that they tell what each state filter would show.
public sealed record ListInbox(Guid? CallId, Guid? DirectionId, ApplicationState? State, Guid? LeadUnitId, FindingsFilter Findings = FindingsFilter.All)
    : IRequest<InboxData>;

public sealed record InboxRow(
    Guid Id, uint Version, string? SubmissionNumber, string Title, string CallCode, string DirectionNumber, string DirectionTitle, string? DirectionTitleEn,
    Guid LeadUnitId, string LeadUnitName, string? LeadUnitNameEn, string? PiName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationState>))] ApplicationState State,
    DateTimeOffset? SubmittedAt, bool Sent, int BlockingFindings, int ReviewFindings);

public sealed record InboxOption(Guid Id, string Label, string? LabelEn);

public sealed record InboxData(
    IReadOnlyList<InboxRow> Rows, IReadOnlyDictionary<string, int> Counts, int Total, int EndorsedNotSent,
    IReadOnlyList<InboxOption> Calls, IReadOnlyList<InboxOption> Directions, IReadOnlyList<InboxOption> LeadUnits, bool Truncated);

public sealed class ListInboxHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListInbox, InboxData>
{
    public const int MaxRows = 500;

    public async ValueTask<InboxData> Handle(ListInbox request, CancellationToken ct)
    {
        var mine = db.PreProposals.AsNoTracking().AddressedTo(user);
        var calls = await db.Calls.AsNoTracking().Where(c => mine.Any(p => p.CallId == c.Id)).OrderByDescending(c => c.PreWindowCloses)
            .Select(c => new InboxOption(c.Id.Value, c.Code, null)).ToListAsync(ct);
        var leadUnits = await db.Units.AsNoTracking().Where(u => mine.Any(p => p.LeadUnitId == u.Id)).OrderBy(u => u.Name)
            .Select(u => new InboxOption(u.Id.Value, u.Name, u.NameEn)).ToListAsync(ct);
        var directions = await db.Directions.AsNoTracking().Where(d => mine.Any(p => p.DirectionId == d.Id)
                && (request.CallId == null || d.CallId == new CallId(request.CallId.Value)))
            .OrderBy(d => d.CallId).ThenBy(d => d.SortOrder)
            .Select(d => new InboxOption(d.Id.Value, d.Number + " · " + d.Title, d.TitleEn == null ? null : d.Number + " · " + d.TitleEn)).ToListAsync(ct);

        var query = mine;
        if (request.CallId is { } call) query = query.Where(p => p.CallId == new CallId(call));
        if (request.DirectionId is { } direction) query = query.Where(p => p.DirectionId == new DirectionId(direction));
        if (request.LeadUnitId is { } lead) query = query.Where(p => p.LeadUnitId == new UnitId(lead));
        var ids = await query.OrderByDescending(p => p.SubmittedAt).ThenBy(p => p.Id).Select(p => p.Id).Take(MaxRows + 1).ToListAsync(ct);
        var truncated = ids.Count > MaxRows;
        // Without the narrative and the snapshot (no column of the inbox shows them), in that order.
        var proposals = await EligibilityBatch.ProposalsAsync(db, [.. ids.Take(MaxRows)], ct);

        var callIds = proposals.Select(x => x.Proposal.CallId).Distinct().ToList();
        var callMap = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var directionIds = proposals.Select(x => x.Proposal.DirectionId).Distinct().ToList();
        var directionMap = await db.Directions.AsNoTracking().Where(d => directionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var unitIds = proposals.Select(x => x.Proposal.LeadUnitId).Distinct().ToList();
        var unitMap = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var piIds = proposals.Select(x => x.Proposal.PiPersonId).OfType<PersonId>().Distinct().ToList();
        var piMap = await db.People.AsNoTracking().Where(x => piIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);

        // Findings are recomputed, not stored (see GetEligibility): as of each submission's day, for
        // the whole page at once, one batch per call (EligibilityBatch.LoadForAsync gives each row
        // exactly what EligibilityInputLoader would).
        var today = BeijingTime.Today(clock.GetUtcNow());
        var findingsOf = new Dictionary<ProposalId, IReadOnlyList<Finding>>();
        foreach (var group in proposals.GroupBy(x => x.Proposal.CallId))
        {
            var batch = await EligibilityBatch.LoadForAsync(db, callMap[group.Key], [.. group.Select(x => x.Proposal)], ct);
            foreach (var (p, attachments) in group)
                findingsOf[p.Id] = RuleSet.Run(batch.Build(p, attachments, p.SubmittedAt is { } at ? BeijingTime.Today(at) : today, p.RecommendingUnitId));
        }
        var rows = new List<InboxRow>();
        foreach (var (p, _) in proposals)
        {
            var findings = findingsOf[p.Id];
            var d = directionMap[p.DirectionId];
            var u = unitMap[p.LeadUnitId];
            rows.Add(new InboxRow(p.Id.Value, p.Version, p.SubmissionNumber, p.Title, callMap[p.CallId].Code, d.Number, d.Title, d.TitleEn,
                u.Id.Value, u.Name, u.NameEn, p.PiPersonId is { } pi && piMap.TryGetValue(pi, out var name) ? name : null,
                p.State, p.SubmittedAt, RecommenderAccess.IsSent(p), findings.Count(f => f.IsBlocking), findings.Count(f => !f.IsBlocking)));
        }
        rows = request.Findings switch
        {
            FindingsFilter.Any => [.. rows.Where(r => r.BlockingFindings + r.ReviewFindings > 0)],
            FindingsFilter.Review => [.. rows.Where(r => r.ReviewFindings > 0)],
            FindingsFilter.None => [.. rows.Where(r => r.BlockingFindings + r.ReviewFindings == 0)],
            _ => rows,
        };
        var counts = rows.GroupBy(r => r.State).ToDictionary(g => g.Key.ToString(), g => g.Count());
        var endorsedNotSent = rows.Count(r => r.State == ApplicationState.Endorsed && !r.Sent);
        var total = rows.Count;
        if (request.State is { } state) rows = [.. rows.Where(r => r.State == state)];
        return new InboxData(rows, counts, total, endorsedNotSent, calls, directions, leadUnits, truncated);
    }
}
