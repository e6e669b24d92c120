using GrantPortal.Web.Features.Recommender.Print;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.ExchangeCenter.BatchPrint;

// /ExchangeCenter/BatchPrint/{batch}/letter and /list: the same printed letter and list as the
// officer's, for the Exchange Center's staff in the browser (the folder's policy; PrintBatch
// decides who may see which batch).
public sealed class BatchPrintModel(IMediator mediator) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, string document, CancellationToken ct) => PrintModel.ServeAsync(this, mediator, id, document, ct);
}
