using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Calls;

// One call with its directions, as every signed-in caller and the public details page read it.
// Calls are public (the guide is published), so there is no resource check.
public sealed record GetCall(Guid Id) : IRequest<CallView?>;

// The shape of GET /api/v1/calls/{id}. Its editable fields carry the same names as the body of
// POST/PUT (CallData), so a client can read, change and send back a call.
public sealed record CallView(
    Guid Id,
    uint Version,
    string Code,
    string Programme,
    string? ProgrammeEn,
    string Title,
    string? TitleEn,
    string DocumentNumber,
    string TimeZoneId,
    DateOnly GuidePublishedOn,
    DateTimeOffset PreWindowOpens,
    DateTimeOffset PreWindowCloses,
    // The stated day ("on or before"); RecommenderDeadline is the instant it is over.
    DateOnly RecommenderDeadlineOn,
    DateTimeOffset RecommenderDeadline,
    int NarrativeLimit,
    decimal ShortlistFactorMin,
    decimal ShortlistFactorMax,
    int FullWindowDays,
    DateOnly UnitRegistrationCutoff,
    DateOnly PiBornOnOrAfter,
    DateOnly ForeignLeadBornOnOrAfter,
    DateOnly OngoingCutoff,
    int ForeignPartnerMinYears,
    int KeyMemberLimit,
    int ForeignMemberLimit,
    int ExpertsPerApplication,
    int MaxAvoidedExperts,
    int AttachmentMaxMegabytes,
    IReadOnlyList<string> RuleIds,
    bool IsDemo,
    IReadOnlyList<DirectionView> Directions)
{
    public const long BytesPerMegabyte = 1024L * 1024;

    // A deadline stored as BeijingTime.EndOfDay(day) is shown as that day.
    public static DateOnly StatedDay(DateTimeOffset deadline) => BeijingTime.Today(deadline.AddTicks(-1));

    public static CallView From(GrantCall c) => new(
        c.Id.Value, c.Version, c.Code, c.Programme, c.ProgrammeEn, c.Title, c.TitleEn, c.DocumentNumber, c.TimeZoneId,
        c.GuidePublishedOn, BeijingTime.ToBeijing(c.PreWindowOpens), BeijingTime.ToBeijing(c.PreWindowCloses),
        StatedDay(c.RecommenderDeadline), BeijingTime.ToBeijing(c.RecommenderDeadline),
        c.NarrativeLimit, c.ShortlistFactorMin, c.ShortlistFactorMax, c.FullWindowDays,
        c.UnitRegistrationCutoff, c.PiBornOnOrAfter, c.ForeignLeadBornOnOrAfter, c.OngoingCutoff,
        c.ForeignPartnerMinYears, c.KeyMemberLimit, c.ForeignMemberLimit, c.ExpertsPerApplication, c.MaxAvoidedExperts,
        (int)Math.Ceiling(c.AttachmentMaxBytes / (decimal)BytesPerMegabyte),
        [.. c.RuleIds], c.IsDemo,
        [.. c.Directions.OrderBy(d => d.SortOrder).ThenBy(d => d.Number).Select(DirectionView.From)]);
}

public sealed record DirectionView(Guid Id, string Number, string Title, string? TitleEn, int Slots, IReadOnlyList<string> Indicators, bool IsExample)
{
    public static DirectionView From(GuideDirection d) => new(d.Id.Value, d.Number, d.Title, d.TitleEn, d.Slots, [.. d.Indicators], d.IsExample);
}

public sealed class GetCallHandler(AppDbContext db) : IRequestHandler<GetCall, CallView?>
{
    public async ValueTask<CallView?> Handle(GetCall request, CancellationToken ct)
    {
        var id = new CallId(request.Id);
        var call = await db.Calls.AsNoTracking().Include(c => c.Directions).SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? null : CallView.From(call);
    }
}
