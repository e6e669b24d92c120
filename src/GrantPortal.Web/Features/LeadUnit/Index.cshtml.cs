using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.Shared;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.LeadUnit;

// The lead-unit administrator's home: its unit's applications with filters, then the calls.
public sealed class IndexModel(AppDbContext db, ICurrentUser user, TimeProvider clock, IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CallId { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    public HomeData Home { get; private set; } = null!;
    public UnitApplications Applications { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await HomeData.LoadAsync(db, user, clock, ct);
        Applications = await mediator.Send(new ListUnitApplications(CallId, State, Search), ct);
    }
}
