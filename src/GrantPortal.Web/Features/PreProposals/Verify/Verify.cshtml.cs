using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.PreProposals.Verify;

// /Verify: anonymous. A GET form, so that the address printed on each page answers directly.
public sealed class VerifyModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hash { get; set; }

    public VerifyResult? Result { get; private set; }
    public string? NumberError { get; private set; }
    public string? HashError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Number is null && Hash is null) return Page();
        if (VerifySubmissionHandler.NormalizeNumber(Number).Length == 0) NumberError = "PrintVerify.NumberRequired";
        if (!VerifySubmissionHandler.IsSha256(VerifySubmissionHandler.NormalizeHash(Hash))) HashError = "PrintVerify.HashFormat";
        if (NumberError is null && HashError is null) Result = await mediator.Send(new VerifySubmission(Number!, Hash!), ct);
        return Page();
    }
}
