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
        if (rows.Count == 0) return 0;
        // One statement for all of them (a database of a past call may hold thousands).
        var ids = rows.Select(r => r.Id.Value).ToArray();
        var keys = rows.Select(r => UnitOneRecommender.NormalizeTitle(r.Title)).ToArray();
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE pre_proposals AS p SET "TitleKey" = v.k
            FROM unnest({ids}, {keys}) AS v(id, k)
            WHERE p."Id" = v.id AND p."TitleKey" IS NULL
            """, ct);
    }
}
