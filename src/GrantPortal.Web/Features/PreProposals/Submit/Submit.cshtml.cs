using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Features.PreProposals.History;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.PreProposals.Submit;

public sealed class SubmitModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid? RecommendingUnitId { get; set; }
    [BindProperty] public bool UnitIntegrityConfirmed { get; set; }
    // Generated when the page is rendered: the form's two posts (a double click, a reload that
    // re-posts) carry the same key and yield one submission.
    [BindProperty] public string? IdempotencyKey { get; set; }

    public SubmitForm Form { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];
    public EligibilityReport? Eligibility { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await mediator.Send(new GetSubmitForm(new ProposalId(Id)), ct) is not { } form) return NotFound();
        Form = form;
        Eligibility = await mediator.Send(new GetEligibility(new ProposalId(Id)), ct);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new SubmitPreProposal(new ProposalId(Id), RecommendingUnitId, UnitIntegrityConfirmed, IdempotencyKey), ct);
        switch (result.Outcome)
        {
            case Outcome.Done: return Redirect($"/PreProposals/Receipt/{Id}");
            case Outcome.NotFound: return NotFound();
            case Outcome.Forbidden: return Forbid();
        }
        if (await mediator.Send(new GetSubmitForm(new ProposalId(Id)), ct) is not { } form) return NotFound();
        Form = form;
        Eligibility = await mediator.Send(new GetEligibility(new ProposalId(Id)), ct);
        Errors = result.Errors;
        if (result.Outcome == Outcome.KeyReused) IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public string? Href(Error e) => e.Field is nameof(RecommendingUnitId) or nameof(UnitIntegrityConfirmed) ? "#" + e.Field : null;

    public IReadOnlyList<Error> ErrorsFor(string field) => [.. Errors.Where(e => e.Field == field)];
}
