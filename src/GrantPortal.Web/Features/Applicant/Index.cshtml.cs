using GrantPortal.Domain.Calls;
using GrantPortal.Web.Features.PreProposals.Start;
using GrantPortal.Web.Features.Shared;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Applicant;

// The applicant's home: its unit and the calls (as every role's home), its applications with their
// states, and a start button for each call open for drafts.
public sealed class IndexModel(AppDbContext db, ICurrentUser user, TimeProvider clock, IMediator mediator) : PageModel
{
    public HomeData Home { get; private set; } = null!;
    public ApplicationList Applications { get; private set; } = null!;
    public IReadOnlyList<GrantCall> OpenCalls { get; private set; } = [];

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        Home = await HomeData.LoadAsync(db, user, clock, ct);
        Applications = await mediator.Send(new ListMyApplications(p, null), ct);
        OpenCalls = Home.Calls.Where(c => StartDraftHandler.IsOpenForDrafts(c, Home.Now)).ToList();
    }
}
