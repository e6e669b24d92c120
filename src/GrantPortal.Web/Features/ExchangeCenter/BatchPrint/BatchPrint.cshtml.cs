using System.Globalization;
using GrantPortal.Web.Features.PreProposals.Print;
using GrantPortal.Web.Features.Recommender.Print;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Features.ExchangeCenter.BatchPrint;

// /ExchangeCenter/BatchPrint/{batch}/letter and /list: the same printed letter and list as the
// officer's, for the Exchange Center's staff in the browser (the folder's policy; PrintBatch
// decides who may see which batch).
public sealed class BatchPrintModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string document, CancellationToken ct)
    {
        if (!Enum.TryParse<BatchDocument>(document, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return NotFound();
        if (await mediator.Send(new PrintBatch(id, kind, CultureInfo.CurrentUICulture, PublicUrl.Of(HttpContext)), ct) is not { } pdf) return NotFound();
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = pdf.FileName }.ToString();
        return File(pdf.Bytes, "application/pdf");
    }
}
