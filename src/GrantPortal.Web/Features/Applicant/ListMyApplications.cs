using System.Text.Json.Serialization;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Applicant;

// The applications a user may see (ProposalAccess.VisibleTo, in the query): for an applicant
// those it owns or co-edits. Newest change first, with the counts by state.
public sealed record ListMyApplications(int? Page, int? PageSize) : IRequest<ApplicationList>;

public sealed record ApplicationRow(
    Guid Id,
    string CallCode,
    string CallTitle,
    string? CallTitleEn,
    string DirectionNumber,
    string DirectionTitle,
    string? DirectionTitleEn,
    string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ApplicationState>))] ApplicationState State,
    DateTimeOffset UpdatedAt,
    bool IsOwner,
    bool CanEdit,
    string? SubmissionNumber,
    uint Version);

public sealed record ApplicationList(Paged<ApplicationRow> Applications, IReadOnlyDictionary<string, int> CountsByState);

public sealed class ListMyApplicationsHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<ListMyApplications, ApplicationList>
{
    public async ValueTask<ApplicationList> Handle(ListMyApplications request, CancellationToken ct)
    {
        var (page, size) = Paged<ApplicationRow>.Normalize(request.Page, request.PageSize);
        var visible = db.PreProposals.AsNoTracking().VisibleTo(user);
        var counts = await visible.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Sum(c => c.Count);
        var me = user.UserId ?? Guid.Empty;
        var rows = await (
                from p in visible
                join c in db.Calls on p.CallId equals c.Id
                join d in db.Directions on p.DirectionId equals d.Id
                orderby p.UpdatedAt descending, p.Id descending
                select new { p, c.Code, c.Title, c.TitleEn, d.Number, DTitle = d.Title, DTitleEn = d.TitleEn })
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(r => new ApplicationRow(r.p.Id.Value, r.Code, r.Title, r.TitleEn, r.Number, r.DTitle, r.DTitleEn, r.p.Title, r.p.State,
            r.p.UpdatedAt, r.p.OwnerUserId == me, r.p.State == ApplicationState.Draft && (r.p.OwnerUserId == me || r.p.CoEditors.Any(e => e.UserId == me)),
            r.p.SubmissionNumber, r.p.Version)).ToList();
        return new ApplicationList(new Paged<ApplicationRow>(items, total, page, size), counts.ToDictionary(c => c.Key.ToString(), c => c.Count));
    }
}
