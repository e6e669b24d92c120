using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Infrastructure.Persistence;

// The title key of UNIT-ONE-RECOMMENDER (see PreProposalConfiguration) for rows saved before the
// column existed: computed in C# by the rule's own normalization, once, by `migrate`. Every save
// sets it from then on (AppDbContext.SetTitleKeys).
public static class TitleKeys
{
    public static async Task<int> BackfillAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.PreProposals.AsNoTracking()
            .Where(p => EF.Property<string?>(p, PreProposalConfiguration.TitleKey) == null)
            .Select(p => new { p.Id, p.Title })
            .ToListAsync(ct);
        foreach (var group in rows.GroupBy(r => UnitOneRecommender.NormalizeTitle(r.Title)))
        {
            var ids = group.Select(r => r.Id).ToList();
            await db.PreProposals.Where(p => ids.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<string?>(p, PreProposalConfiguration.TitleKey), group.Key), ct);
        }
        return rows.Count;
    }
}
