using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.Users;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public UserPage Users { get; private set; } = new([], 1, ListUsers.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Users = await mediator.Send(new ListUsers(Search, Role, PageNumber), ct);

    public string PageLink(int page) =>
        "/Admin/Users" + QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Search, ["role"] = Role, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToUriComponent();
}
