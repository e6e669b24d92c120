using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries.Units;
using GrantPortal.Web.Features.Registries.Units.Details;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Registries.People.List;

public sealed class ListModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public Guid? UnitFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public IdentityDocumentType? DocumentType { get; set; }
    // "page" is a route value of Razor Pages itself, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<PersonData> Result { get; private set; } = null!;
    public UnitData? Unit { get; private set; }
    public bool IsAdmin { get; private set; }

    public Pager Pager => new("/Registries/People", Result.Page, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["unit"] = UnitFilter?.ToString(), ["type"] = DocumentType?.ToString(),
    });

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdmin = RegistryScope.IsAdmin(user);
        if (UnitFilter is { } unit) Unit = await mediator.Send(new GetUnit(new UnitId(unit)), ct);
        Result = await mediator.Send(new ListPeople(Search, UnitFilter is { } u ? new UnitId(u) : null, DocumentType, PageNumber, Paged<PersonData>.DefaultPageSize), ct);
    }
}
