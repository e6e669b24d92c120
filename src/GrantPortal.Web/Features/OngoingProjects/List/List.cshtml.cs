using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.OngoingProjects.List;

public sealed class ListModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Programme? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public OngoingRole? Role { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? OngoingAfter { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<OngoingProjectData> Result { get; private set; } = new([], 0, 1, Paged<OngoingProjectData>.DefaultPageSize);
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await mediator.Send(new ListOngoingProjects(Search, Programme, Role, OngoingAfter, PageNumber ?? 1), ct);
        Pager = new Pager("/OngoingProjects", Result.Page, Result.PageCount, Result.Total, new Dictionary<string, string?>
        {
            ["search"] = Search, ["programme"] = Programme?.ToString(), ["role"] = Role?.ToString(), ["ongoingAfter"] = OngoingAfter?.ToString("yyyy-MM-dd"),
        });
    }
}
