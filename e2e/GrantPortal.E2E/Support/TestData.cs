using System.Security.Cryptography;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.E2E.Support;

// Where a journey starts from data another journey already shows being typed (PreProposalJourneyTests):
// a filled draft of pi@ in the open demo call with its attachments as real PDFs in the real blob
// store, as the edit and attachment pages would leave it. Marking it complete and submitting it
// stay for the journey, through the pages.
public static class TestData
{
    // pi@'s draft with the given title and PI (by the start of the PI's identity document), the
    // demo foreign lead and foreign unit, every indicator answered, no key member.
    public static async Task<ProposalId> FilledDraftAsync(this PortalFixture portal, string title, string piDocumentPrefix)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var blobs = scope.ServiceProvider.GetRequiredService<BlobStore>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var owner = await db.Users.SingleAsync(u => u.Email == DemoRoles.Applicant.Email);
        var call = await db.Calls.Include(c => c.Directions).SingleAsync(c => c.Code == SeedCalls.CodeDemo);
        var direction = call.Directions.OrderBy(d => d.SortOrder).First();
        var pi = await db.People.SingleAsync(x => x.DocumentNumber.StartsWith(piDocumentPrefix));
        var foreignLead = await db.People.SingleAsync(x => x.DocumentNumber == "C01X00T47");
        var now = clock.GetUtcNow();
        var p = new PreProposal
        {
            CallId = call.Id, DirectionId = direction.Id, LeadUnitId = owner.UnitId!.Value, OwnerUserId = owner.Id, CreatedAt = now, UpdatedAt = now,
            Title = title, PiPersonId = pi.Id, PiMonthsPerYear = 8, DurationMonths = 36, RequestedBudget = 400m,
            Objectives = "研制示范样机一套，形成国际标准提案一项。", Innovation = "中外联合提出新的协调控制方法。",
            TechnicalRoute = "建模、仿真、样机、示范四个阶段。", ResearchBasis = "双方已联合发表论文 8 篇。",
        };
        p.Members.Add(new TeamMember { PersonId = foreignLead.Id, Role = MemberRole.ForeignLead, UnitId = foreignLead.UnitId, SortOrder = 1 });
        p.Units.Add(new ParticipatingUnit { UnitId = foreignLead.UnitId!.Value, SortOrder = 1 });
        for (var i = 0; i < direction.Indicators.Count; i++)
            p.IndicatorAnswers.Add(new IndicatorAnswer { IndicatorIndex = i, Answer = $"第 {i + 1} 项指标的实现方案。" });
        db.PreProposals.Add(p);
        foreach (var (kind, _) in AttachmentKinds.Required)
        {
            var bytes = Pdfs.Minimal($"{kind} {Guid.NewGuid():N}");
            var attachment = new Attachment
            {
                ProposalId = p.Id, Kind = kind, FileName = kind + ".pdf", SizeBytes = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = now,
                SignedOn = kind == AttachmentKind.JointAgreement ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(-10) : null,
            };
            attachment.BlobName = $"proposals/{p.Id}/{attachment.Id}.pdf";
            await blobs.Container.GetBlobClient(attachment.BlobName).UploadAsync(new BinaryData(bytes), overwrite: true);
            db.Attachments.Add(attachment);
        }
        await db.SaveChangesAsync();
        return p.Id;
    }
}
