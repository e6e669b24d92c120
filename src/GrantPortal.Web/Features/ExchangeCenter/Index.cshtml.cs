using GrantPortal.Web.Features.Shared;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.ExchangeCenter;

public sealed class IndexModel(AppDbContext db, ICurrentUser user, TimeProvider clock) : PageModel
{
    public HomeData Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Home = await HomeData.LoadAsync(db, user, clock, ct);
}
