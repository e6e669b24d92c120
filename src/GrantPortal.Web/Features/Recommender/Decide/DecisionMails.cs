using GrantPortal.Domain.Applications;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Mail;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Decide;

// A decision is told to the lead unit (its administrators) and to the PI (the owner of the
// pre-proposal) by mail, written to the outbox of the decision's own transaction: the mail leaves
// only if the decision commits. The recipients' own language is not known: both languages,
// Chinese first, then English (Outbox.EnqueueBilingual), the reason in each.
public static class DecisionMails
{
    public static async Task EnqueueAsync(AppDbContext db, Outbox outbox, string baseUrl, PreProposal p, string recommendingUnit, Decision decision, string? reason, CancellationToken ct)
    {
        var leadAdmins = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.UnitId == p.LeadUnitId && r.Name == Roles.LeadUnitAdmin && u.Email != null
                select u.Email!)
            .ToListAsync(ct);
        var owner = await db.Users.Where(u => u.Id == p.OwnerUserId && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        var name = decision switch { Decision.Endorse => "Endorsed", Decision.Return => "Returned", _ => "Declined" };
        var args = new Dictionary<string, string>
        {
            ["title"] = p.Title,
            ["number"] = p.SubmissionNumber ?? "",
            ["unit"] = recommendingUnit,
            ["reason"] = string.IsNullOrWhiteSpace(reason) ? "—" : reason.Trim(),
            ["link"] = baseUrl + "/PreProposals/View/" + p.Id,
        };
        foreach (var to in leadAdmins.Concat(owner).Distinct(StringComparer.OrdinalIgnoreCase))
            outbox.EnqueueBilingual(to, $"Mail.Recommendation.{name}.Subject", $"Mail.Recommendation.{name}.Body", args);
    }

    // App:PublicUrl when configured (behind a proxy the request's host may be internal), else the request's.
    public static string BaseUrl(IConfiguration configuration, HttpContext? http)
    {
        if (configuration["App:PublicUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        return http is null ? "" : http.Request.Scheme + "://" + http.Request.Host.ToUriComponent() + http.Request.PathBase.ToUriComponent();
    }
}
