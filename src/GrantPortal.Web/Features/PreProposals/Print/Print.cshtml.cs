using System.Globalization;
using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Features.PreProposals.Print;

// /PreProposals/Print/{id}: the printed pre-proposal, shown inline by the browser.
public sealed class PrintModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var pdf = await mediator.Send(new PrintPreProposal(new ProposalId(id), CultureInfo.CurrentUICulture, PublicUrl.Of(HttpContext)), ct);
        return pdf.Outcome switch
        {
            PrintOutcome.Printed => Inline(pdf),
            PrintOutcome.NotSubmitted => StatusCode(StatusCodes.Status409Conflict),
            _ => NotFound(),
        };
    }

    private FileContentResult Inline(PrintedPdf pdf)
    {
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = pdf.FileName }.ToString();
        return File(pdf.Bytes, "application/pdf");
    }
}
