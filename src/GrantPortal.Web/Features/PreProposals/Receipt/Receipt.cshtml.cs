using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.PreProposals.Receipt;

public sealed class ReceiptModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ReceiptData Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new GetReceipt(new ProposalId(Id)), ct);
        if (result.Receipt is null) return NotFound();
        Receipt = result.Receipt;
        return Page();
    }
}
