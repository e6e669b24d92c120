using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Admin.Audit;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.OngoingProjects.Details;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public OngoingProjectData Record { get; private set; } = null!;
    public IReadOnlyList<AuditItem> History { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetOngoingProject(new OngoingProjectId(id)), ct) is not { } record) return NotFound();
        Record = record;
        History = await mediator.Send(new OngoingProjectHistory(new OngoingProjectId(record.Id)), ct);
        return Page();
    }
}
