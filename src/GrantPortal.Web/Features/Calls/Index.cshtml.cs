using GrantPortal.Domain.Calls;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Calls;

// Published calls, readable without signing in (anonymous on purpose: applicants read the guide first).
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GrantCall> Calls { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Calls = await db.Calls.AsNoTracking().Include(c => c.Directions)
            .OrderByDescending(c => c.PreWindowCloses).ToListAsync(ct);
    }
}
