using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Start;

// Start a draft (Applicant policy, FeatureRegistration): choose a call open for drafts, then a
// guide direction; the draft opens in the edit page.
public sealed class StartModel(IMediator mediator, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid? CallId { get; set; }
    [BindProperty] public Guid? DirectionId { get; set; }

    public IReadOnlyList<GrantCall> Calls { get; private set; } = [];
    public GrantCall? Call { get; private set; }
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task OnGetAsync(Guid? call, CancellationToken ct)
    {
        CallId = call;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new StartDraft(CallId, DirectionId), ct);
        if (result.Forbidden) return Forbid();
        if (result.Started) return LocalRedirect($"/PreProposals/Edit/{result.Id}");
        Errors = result.Errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calls = await db.Calls.AsNoTracking().Include(c => c.Directions).Where(c => c.PreWindowCloses > now).OrderBy(c => c.PreWindowCloses).ToListAsync(ct);
        Calls = calls.Where(c => StartDraftHandler.IsOpenForDrafts(c, now)).ToList();
        Call = Calls.FirstOrDefault(c => c.Id.Value == CallId);
    }
}
