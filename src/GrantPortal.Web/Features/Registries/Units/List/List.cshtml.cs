using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Registries.Units.List;

public sealed class ListModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public UnitKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Foreign { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Verified { get; set; }
    // "page" is a route value of Razor Pages itself, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<UnitData> Result { get; private set; } = null!;
    public bool IsAdmin { get; private set; }

    public Pager Pager => new("/Registries/Units", Result.Page, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["kind"] = Kind?.ToString(), ["foreign"] = Foreign?.ToString().ToLowerInvariant(), ["verified"] = Verified?.ToString().ToLowerInvariant(),
    });

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdmin = RegistryScope.IsAdmin(user);
        Result = await mediator.Send(new ListUnits(Search, Kind, Foreign, Verified, PageNumber, Paged<UnitData>.DefaultPageSize), ct);
    }
}
