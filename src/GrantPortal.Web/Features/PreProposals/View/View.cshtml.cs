using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Eligibility;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.PreProposals.View;

public sealed class ViewModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ProposalView Proposal { get; private set; } = null!;
    public EligibilityReport? Eligibility { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await mediator.Send(new GetProposalView(new ProposalId(Id)), ct) is not { } view) return NotFound();
        Proposal = view;
        Eligibility = await mediator.Send(new GetEligibility(new ProposalId(Id)), ct);
        return Page();
    }
}
