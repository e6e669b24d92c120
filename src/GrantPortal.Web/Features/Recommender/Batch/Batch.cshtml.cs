using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Recommender.Batch;

public sealed class BatchModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CallId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public BatchesData Data { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await mediator.Send(new GetBatches(CallId), ct) is not { } data) return NotFound();
        Data = data;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CallId is not { } call) return NotFound();
        var result = await mediator.Send(new SendBatch(new CallId(call)), ct);
        if (result.Outcome == Outcome.NotFound) return NotFound();
        if (result.Outcome == Outcome.Done) return Redirect($"/Recommender/Batch?callId={call}&status=sent");
        Errors = result.Errors;
        return await OnGetAsync(ct);
    }
}
