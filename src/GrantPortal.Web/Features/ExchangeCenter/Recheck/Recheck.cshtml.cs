using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.ExchangeCenter.Recheck;

public sealed record CallOption(Guid Id, string Code, string Title, string? TitleEn);

public sealed record DirectionName(string Number, string Title, string? TitleEn);

// The JSON status the page polls: done / total.
public sealed record RecheckStatus(Guid Id, string State, int Done, int Total)
{
    public static RecheckStatus From(RecheckJob job) =>
        new(job.Id, job.State.ToString(), Math.Min(Volatile.Read(ref job.Processed), job.Total), job.Total);
}

// Batch re-check of a call's submitted applications (issue 5, point 7): choose a call, start the
// run, watch its progress, then see which applications changed verdict and the findings per rule
// and per guide direction.
public sealed class RecheckModel(IMediator mediator, RecheckJobs jobs, AppDbContext db) : PageModel
{
    [BindProperty] public Guid? CallId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Job { get; set; }
    // The result list's filters and page (query string: rule, direction, show=all, pageNumber).
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Direction { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public bool ShowAll => Show == "all";
    public RecheckPage? Results { get; private set; }
    public IReadOnlyList<CallOption> Calls { get; private set; } = [];
    public RecheckJob? Run { get; private set; }
    public CallOption? RunCall { get; private set; }
    public IReadOnlyDictionary<DirectionId, DirectionName> Directions { get; private set; } = new Dictionary<DirectionId, DirectionName>();
    public bool CallMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadCallsAsync(ct);
        if (Job is { } id)
        {
            if (jobs.Find(id) is not { } job) return NotFound();
            Run = job;
            RunCall = Calls.SingleOrDefault(c => c.Id == job.CallId.Value);
            Directions = await db.Directions.AsNoTracking().Where(d => d.CallId == job.CallId)
                .ToDictionaryAsync(d => d.Id, d => new DirectionName(d.Number, d.Title, d.TitleEn), ct);
            if (job.State == RecheckState.Done)
            {
                var filter = new RecheckFilter(Rule, Direction is { } d ? new DirectionId(d) : null, ChangedOnly: !ShowAll);
                Results = RecheckPage.Of(job.Results!, job.Comparison!, filter, PageNumber);
            }
        }
        return Page();
    }

    public IActionResult OnGetStatus(Guid job) =>
        jobs.Find(job) is { } found ? new JsonResult(RecheckStatus.From(found)) : NotFound();

    // The link to another page of the same list, keeping the filters.
    public string PageLink(int pageNumber) => QueryHelpers.AddQueryString("/ExchangeCenter/Recheck", new Dictionary<string, string?>
    {
        ["job"] = Job?.ToString(), ["rule"] = Rule, ["direction"] = Direction?.ToString(), ["show"] = ShowAll ? "all" : null,
        ["pageNumber"] = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var job = CallId is { } id ? await mediator.Send(new StartRecheck(new CallId(id)), ct) : null;
        if (job is null)
        {
            CallMissing = true;
            await LoadCallsAsync(ct);
            return Page();
        }
        return LocalRedirect($"/ExchangeCenter/Recheck?job={job.Id}");
    }

    private async Task LoadCallsAsync(CancellationToken ct) =>
        Calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.PreWindowOpens)
            .Select(c => new CallOption(c.Id.Value, c.Code, c.Title, c.TitleEn)).ToListAsync(ct);
}
