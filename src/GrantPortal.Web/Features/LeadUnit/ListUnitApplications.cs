using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.LeadUnit;

// The lead-unit administrator's list (issue 4, point 8): every application of its unit and only
// those, drafts included (the unit sees what is being prepared), filtered in the query itself.
public sealed record ListUnitApplications(Guid? CallId, ApplicationState? State, string? Search) : IRequest<UnitApplications>;

public sealed record UnitApplicationRow(
    Guid Id, string Title, string CallCode, string? PiName, ApplicationState State, DateTimeOffset UpdatedAt, string? SubmissionNumber);

public sealed record CallOption(Guid Id, string Code, string Title, string? TitleEn);

// Counts are per state over the call and search filters (not the state filter), so that the
// counts tell what each state filter would show.
public sealed record UnitApplications(
    IReadOnlyList<UnitApplicationRow> Rows, IReadOnlyDictionary<ApplicationState, int> Counts, int Total, IReadOnlyList<CallOption> Calls, bool Truncated);

public sealed class ListUnitApplicationsHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<ListUnitApplications, UnitApplications>
{
    public const int MaxRows = 500;

    public async ValueTask<UnitApplications> Handle(ListUnitApplications request, CancellationToken ct)
    {
        var unit = user.UnitId ?? new UnitId(Guid.Empty);
        var query = db.PreProposals.AsNoTracking().VisibleTo(user).Where(p => p.LeadUnitId == unit);
        if (request.CallId is { } call) query = query.Where(p => p.CallId == new CallId(call));
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = "%" + request.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Title, pattern)
                || db.People.Any(x => x.Id == p.PiPersonId && (EF.Functions.ILike(x.Name, pattern) || (x.NameEn != null && EF.Functions.ILike(x.NameEn, pattern)))));
        }
        var counts = await query.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (request.State is { } state) query = query.Where(p => p.State == state);
        var rows = await (
                from p in query
                join c in db.Calls on p.CallId equals c.Id
                from person in db.People.Where(x => x.Id == p.PiPersonId).DefaultIfEmpty()
                orderby p.UpdatedAt descending
                select new UnitApplicationRow(p.Id.Value, p.Title, c.Code, person == null ? null : person.Name, p.State, p.UpdatedAt, p.SubmissionNumber))
            .Take(MaxRows + 1)
            .ToListAsync(ct);
        var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.PreWindowCloses)
            .Select(c => new CallOption(c.Id.Value, c.Code, c.Title, c.TitleEn)).ToListAsync(ct);
        return new UnitApplications([.. rows.Take(MaxRows)], counts, counts.Values.Sum(), calls, rows.Count > MaxRows);
    }
}
