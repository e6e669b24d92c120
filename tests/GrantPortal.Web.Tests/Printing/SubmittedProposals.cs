using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Printing;

// A submitted pre-proposal built by hand (the submission use case lives on another branch): a
// filled draft of pi@, its snapshot built from the stored data, and the submission fields set as
// the submission would set them, addressed to the demo recommending unit (北京市科委).
public static class SubmittedProposals
{
    public const string Script = "<script>alert(1)</script>";

    public static async Task<(PreProposal Proposal, SubmittedSnapshot Snapshot)> SubmittedAsync(this GrantPortalFactory app, Action<PreProposal>? configure = null)
    {
        var draft = await app.DraftAsync(o => o.Configure = p =>
        {
            p.Objectives = "研制兆瓦级储能示范样机，形成国际标准提案 2 项。\n第二段：完成 MW 级 demo 验证。";
            p.Innovation = "提出多时间尺度协调控制方法 " + Script + " 并在中德两地验证。";
            p.TechnicalRoute = "理论建模 → 仿真验证 → 样机研制 → 示范应用（Phase 1–4）。";
            p.ResearchBasis = "双方已联合发表 SCI 论文 12 篇，共同承担项目 2 项 & 专利 3 件。";
            configure?.Invoke(p);
        });
        return await SubmitByHandAsync(app, draft.Id);
    }

    public static async Task<(PreProposal Proposal, SubmittedSnapshot Snapshot)> SubmitByHandAsync(this GrantPortalFactory app, ProposalId id)
    {
        var now = app.Clock.GetUtcNow();
        SubmittedSnapshot snapshot = null!;
        PreProposal proposal = null!;
        await app.WithDbAsync(async db =>
        {
            var p = await db.PreProposals.Include(x => x.Members).Include(x => x.Units).Include(x => x.IndicatorAnswers).SingleAsync(x => x.Id == id);
            var call = await db.Calls.Include(c => c.Directions).SingleAsync(c => c.Id == p.CallId);
            var direction = call.Directions.Single(d => d.Id == p.DirectionId);
            var units = await db.Units.ToDictionaryAsync(u => u.Id);
            var people = await db.People.ToDictionaryAsync(x => x.Id);
            var attachments = await db.Attachments.Where(a => a.ProposalId == id && a.SupersededAt == null).OrderBy(a => a.Kind).ToListAsync();
            var recommending = units.Values.Single(u => u.SocialCreditCode == SeedRegistry.ProvinceCode);
            var number = SubmissionNumber.New(call.Code, Random.Shared.Next);

            SnapshotUnit Unit(Unit u) => new(u.Id.Value, u.Name, u.NameEn, u.SocialCreditCode ?? $"{u.CountryCode} {u.ForeignRegistrationNumber}", u.IsForeign);
            SnapshotPerson Person(PersonId pid)
            {
                var x = people[pid];
                return new SnapshotPerson(x.Id.Value, x.Name, x.NameEn, x.DocumentType.ToString(), x.DocumentNumber, x.UnitId is { } u ? units[u].Name : null);
            }

            snapshot = new SubmittedSnapshot(
                number, now, call.Code, call.Title, direction.Number, direction.Title, p.Title,
                Unit(units[p.LeadUnitId]), Person(p.PiPersonId!.Value), p.PiMonthsPerYear,
                p.Units.OrderBy(u => u.SortOrder).Select(u => Unit(units[u.UnitId])).ToList(),
                p.Members.OrderBy(m => m.SortOrder).Select(m => new SnapshotMember(m.Role.ToString(), Person(m.PersonId))).ToList(),
                p.DurationMonths, p.RequestedBudget, p.MatchingFundsPercent,
                p.Objectives,
                p.IndicatorAnswers.OrderBy(a => a.IndicatorIndex).Select(a => new SnapshotIndicator(a.IndicatorIndex + 1, direction.Indicators[a.IndicatorIndex], a.Answer)).ToList(),
                p.Innovation, p.TechnicalRoute, p.ResearchBasis, p.NarrativeLength(),
                attachments.Select(a => new SnapshotAttachment(a.Kind.ToString(), a.FileName, a.SizeBytes, a.Sha256, a.SignedOn)).ToList(),
                Unit(recommending), "李华（lead@）");
            var json = snapshot.ToCanonicalJson();
            p.SubmissionNumber = number;
            p.SubmittedAt = now;
            p.SubmittedContent = json;
            p.ContentHash = SubmittedSnapshot.Sha256Hex(json);
            p.RecommendingUnitId = recommending.Id;
            p.UnitIntegrityConfirmed = true;
            p.State = ApplicationState.Submitted;
            await db.SaveChangesAsync();
            proposal = p;
        });
        return (proposal, snapshot);
    }
}
