using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.Edit;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.PreProposals.CoEditors;

// The PI's page of co-editors (Applicant policy; only the PI of a visible draft may use it).
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public DraftView View { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];
    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? status, CancellationToken ct)
    {
        if (await mediator.Send(new GetDraft(new ProposalId(id)), ct) is not { } view) return NotFound();
        if (!view.IsOwner) return Forbid();
        View = view;
        Status = status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await mediator.Send(new InviteCoEditor(new ProposalId(id), Email), ct), "invited", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId, CancellationToken ct) =>
        await AnswerAsync(id, await mediator.Send(new RemoveCoEditor(new ProposalId(id), userId), ct), "removed", ct);

    private async Task<IActionResult> AnswerAsync(Guid id, CoEditorResult result, string status, CancellationToken ct)
    {
        switch (result.Status)
        {
            case CoEditorStatus.Done: return LocalRedirect($"/PreProposals/CoEditors/{id}?status={status}");
            case CoEditorStatus.NotFound: return NotFound();
            case CoEditorStatus.Forbidden when result.Errors.All(e => e.Code == "DRAFT-COEDITOR-OWNER-ONLY"): return Forbid();
        }
        if (await mediator.Send(new GetDraft(new ProposalId(id)), ct) is not { } view) return NotFound();
        View = view;
        Errors = result.Errors;
        return Page();
    }
}
