using System.Globalization;
using GrantPortal.Web.Features.PreProposals.Print;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Features.Recommender.Print;

// /Recommender/Print/{batch}/letter and /list: the officer's printed letter and list, inline.
// (The Exchange Center's staff reach the same documents through the API; /Recommender is the
// officers' folder.)
public sealed class PrintModel(IMediator mediator) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, string document, CancellationToken ct) => ServeAsync(this, mediator, id, document, ct);

    // The PDF inline, or 404 for an unknown document or a batch the user may not see (PrintBatch
    // decides); shared with the Exchange Center's page.
    public static async Task<IActionResult> ServeAsync(PageModel page, IMediator mediator, Guid id, string document, CancellationToken ct)
    {
        if (!Enum.TryParse<BatchDocument>(document, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return page.NotFound();
        if (await mediator.Send(new PrintBatch(id, kind, CultureInfo.CurrentUICulture, PublicUrl.Of(page.HttpContext)), ct) is not { } pdf) return page.NotFound();
        page.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = pdf.FileName }.ToString();
        return page.File(pdf.Bytes, "application/pdf");
    }
}
