using GrantPortal.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Accounts;

public sealed class ConfirmEmailModel(IMediator mediator) : PageModel
{
    public bool Confirmed { get; private set; }
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task OnGetAsync(string? userId, string? code, CancellationToken ct)
    {
        var result = await mediator.Send(new ConfirmEmail(userId, code), ct);
        Confirmed = result.Succeeded;
        Errors = result.Errors;
    }
}
