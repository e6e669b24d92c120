using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Features.PreProposals.View;
using GrantPortal.Web.Features.Recommender.Decide;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Recommender.Review;

// One application addressed to the officer's unit: the whole pre-proposal with its documents, its
// eligibility findings (review findings with their evidence) and history, and the decision form.
public sealed class ReviewModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Decision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public uint Version { get; set; }

    public ProposalView Proposal { get; private set; } = null!;
    public ReviewData Review { get; private set; } = null!;
    public EligibilityReport? Eligibility { get; private set; }
    public IReadOnlyList<Error> Errors { get; private set; } = [];
    // Set when another officer decided first: the state stored now, beside the user's choice.
    public ApplicationState? ConflictState { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Version = Review.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var results = await mediator.Send(new DecideApplications([new DecisionItem(new ProposalId(Id), Version)], Decision ?? 0, Reason), ct);
        var item = results.Items.SingleOrDefault();
        if (item?.Outcome == Outcome.NotFound) return NotFound();
        if (item?.Outcome == Outcome.Done) return Redirect($"/Recommender/Review/{Id}?status=decided");
        if (!await LoadAsync(ct)) return NotFound();
        Errors = [.. results.Errors, .. item?.Errors ?? []];
        if (item?.Outcome == Outcome.Conflict)
        {
            // Keep the user's choice and reason; from now on the form stands on the stored version,
            // so deciding again is deliberate, after seeing what the other officer decided.
            ConflictState = Review.State;
            ModelState.Remove(nameof(Version));
            Version = Review.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await mediator.Send(new GetReview(new ProposalId(Id)), ct) is not { } review) return false;
        if (await mediator.Send(new GetProposalView(new ProposalId(Id)), ct) is not { } view) return false;
        Review = review;
        Proposal = view;
        Eligibility = await mediator.Send(new GetEligibility(new ProposalId(Id)), ct);
        return true;
    }
}
