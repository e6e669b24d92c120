using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Features.PreProposals.View;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.PreProposals.Complete;

public sealed class CompleteModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ProposalView Proposal { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync([], ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(new MarkComplete(new ProposalId(Id)), ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => RunAsync(new Reopen(new ProposalId(Id)), ct);

    private async Task<IActionResult> RunAsync(IRequest<StateChangeResult> command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
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
        if (!view.Actions.IsOwner) return Forbid();
        Proposal = view;
        Errors = errors;
        return Page();
    }

    // Each missing piece links to where it is fixed: the draft's field on the edit page, or the
    // attachments page for a document.
    public string? Href(Error e) => e.Field switch
    {
        null => null,
        var f when f.StartsWith("Attachments.", StringComparison.Ordinal) => $"/PreProposals/Attachments/{Id}#{f["Attachments.".Length..]}",
        var f => $"/PreProposals/Edit/{Id}#{f}",
    };
}
