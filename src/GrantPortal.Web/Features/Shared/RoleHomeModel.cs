using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Shared;

// The home page of each role starts from the same summary; each role's folder policy guards its own.
public abstract class RoleHomeModel(AppDbContext db, ICurrentUser user, TimeProvider clock) : PageModel
{
    public HomeData Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Home = await HomeData.LoadAsync(db, user, clock, ct);
}
