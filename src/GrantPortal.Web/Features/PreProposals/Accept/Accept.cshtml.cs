using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Features.PreProposals.View;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.PreProposals.Accept;

public sealed class AcceptModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ProposalView Proposal { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync([], ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new Accept(new ProposalId(Id)), ct);
        return result.Outcome switch
        {
            Outcome.Done => Redirect($"/PreProposals/View/{Id}"),
            Outcome.NotFound => NotFound(),
            Outcome.Forbidden => Forbid(),
            _ => await ShowAsync(result.Errors, ct),
        };
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<Error> errors, CancellationToken ct)
    {
        if (await mediator.Send(new GetProposalView(new ProposalId(Id)), ct) is not { } view) return NotFound();
        Proposal = view;
        Errors = errors;
        return Page();
    }
}
