using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Calls;

// Every call, newest window first (calls are public: no filter by user).
public sealed record ListCalls : IRequest<IReadOnlyList<CallSummary>>;

public sealed record CallSummary(
    Guid Id, uint Version, string Code, string Title, string? TitleEn, string Programme, string? ProgrammeEn,
    DateOnly GuidePublishedOn, DateTimeOffset PreWindowOpens, DateTimeOffset PreWindowCloses, DateTimeOffset RecommenderDeadline,
    int Directions, int Slots, bool IsDemo);

public sealed class ListCallsHandler(AppDbContext db) : IRequestHandler<ListCalls, IReadOnlyList<CallSummary>>
{
    public async ValueTask<IReadOnlyList<CallSummary>> Handle(ListCalls request, CancellationToken ct) =>
        await db.Calls.AsNoTracking()
            .OrderByDescending(c => c.PreWindowCloses).ThenBy(c => c.Code)
            .Select(c => new CallSummary(
                c.Id.Value, c.Version, c.Code, c.Title, c.TitleEn, c.Programme, c.ProgrammeEn,
                c.GuidePublishedOn, c.PreWindowOpens, c.PreWindowCloses, c.RecommenderDeadline,
                c.Directions.Count, c.Directions.Sum(d => d.Slots), c.IsDemo))
            .ToListAsync(ct);
}
