using System.Globalization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Recommender.Decide;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Recommender.Inbox;

public sealed class InboxModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CallId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DirectionId { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? LeadUnitId { get; set; }
    [BindProperty(SupportsGet = true)] public FindingsFilter Findings { get; set; }

    // The selection: "id:version" of each application ticked.
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public Decision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public InboxData Data { get; private set; } = null!;
    public DecisionResults? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Data = await mediator.Send(Query(), ct);

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        var items = Selected.Select(Parse).OfType<DecisionItem>().ToList();
        Results = await mediator.Send(new DecideApplications(items, Decision ?? 0, Reason), ct);
        if (Results.AllDone)
        {
            Selected = [];
            Reason = null;
            Decision = null;
        }
        Data = await mediator.Send(Query(), ct);
        return Page();
    }

    public bool IsSelected(InboxRow r) => Selected.Any(s => s.StartsWith(r.Id + ":", StringComparison.Ordinal));

    public IReadOnlyList<Error> RequestErrors => Results?.Errors ?? [];

    public IReadOnlyList<Error> ErrorsFor(string field) => [.. RequestErrors.Where(e => e.Field == field)];

    private ListInbox Query() => new(CallId, DirectionId, State, LeadUnitId, Findings);

    private static DecisionItem? Parse(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var id) && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new DecisionItem(new ProposalId(id), version)
            : null;
    }
}
