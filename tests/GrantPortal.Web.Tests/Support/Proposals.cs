using System.Security.Cryptography;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Support;

// Test data for pre-proposals: a draft of the demo applicant (pi@, 京华大学) in the open demo call,
// filled so that it can be marked complete, and its attachments as real PDFs in the real blob store.
public static class Proposals
{
    public sealed class DraftOptions
    {
        public string OwnerEmail { get; set; } = DemoUsers.Applicant;
        public bool Filled { get; set; } = true;
        public bool WithAttachments { get; set; } = true;
        public string CallCode { get; set; } = SeedCalls.CodeDemo;
        public Action<PreProposal>? Configure { get; set; }
    }

    public static async Task<PreProposal> DraftAsync(this GrantPortalFactory app, Action<DraftOptions>? options = null)
    {
        var o = new DraftOptions();
        options?.Invoke(o);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = await db.Users.SingleAsync(u => u.Email == o.OwnerEmail);
        var call = await db.Calls.Include(c => c.Directions).SingleAsync(c => c.Code == o.CallCode);
        var direction = call.Directions.OrderBy(d => d.SortOrder).First();
        var now = app.Clock.GetUtcNow();
        var p = new PreProposal
        {
            CallId = call.Id,
            DirectionId = direction.Id,
            LeadUnitId = owner.UnitId!.Value,
            OwnerUserId = owner.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (o.Filled)
        {
            var people = await db.People.ToListAsync();
            var units = await db.Units.ToListAsync();
            p.Title = "新能源微电网关键技术国际合作研究";
            p.PiPersonId = owner.PersonId ?? people.First(x => x.UnitId == owner.UnitId).Id;
            p.PiMonthsPerYear = 8;
            p.DurationMonths = 36;
            p.RequestedBudget = 500m;
            p.Objectives = "研制兆瓦级储能示范样机，形成国际标准提案。";
            p.Innovation = "中德联合提出多时间尺度协调控制方法。";
            p.TechnicalRoute = "理论建模、仿真验证、样机研制、示范应用。";
            p.ResearchBasis = "双方已联合发表论文 12 篇，共同承担项目 2 项。";
            var keyMember = people.First(x => x.UnitId == owner.UnitId && x.Id != p.PiPersonId);
            var foreignLead = people.First(x => x.DocumentNumber == "C01X00T47");
            p.Members.Add(new TeamMember { PersonId = keyMember.Id, Role = MemberRole.KeyMember, UnitId = keyMember.UnitId, SortOrder = 1 });
            p.Members.Add(new TeamMember { PersonId = foreignLead.Id, Role = MemberRole.ForeignLead, UnitId = foreignLead.UnitId, SortOrder = 2 });
            p.Units.Add(new ParticipatingUnit { UnitId = foreignLead.UnitId!.Value, SortOrder = 1 });
            for (var i = 0; i < direction.Indicators.Count; i++)
                p.IndicatorAnswers.Add(new IndicatorAnswer { IndicatorIndex = i, Answer = $"第 {i + 1} 项指标的实现方案。" });
        }
        o.Configure?.Invoke(p);
        db.PreProposals.Add(p);
        await db.SaveChangesAsync();
        if (o.Filled && o.WithAttachments)
        {
            foreach (var (kind, _) in AttachmentKinds.Required)
                await app.AttachAsync(p.Id, kind, kind == AttachmentKind.JointAgreement ? new DateOnly(2026, 11, 1) : null);
        }
        return p;
    }

    // Stores a small real PDF in the blob store and records it as the current attachment of that kind.
    public static async Task<Attachment> AttachAsync(this GrantPortalFactory app, ProposalId proposal, AttachmentKind kind, DateOnly? signedOn = null)
    {
        var bytes = Pdfs.Minimal($"{kind} {Guid.NewGuid():N}");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var blobs = scope.ServiceProvider.GetRequiredService<BlobStore>();
        var attachment = new Attachment
        {
            ProposalId = proposal,
            Kind = kind,
            FileName = kind + ".pdf",
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            SignedOn = signedOn,
            UploadedAt = app.Clock.GetUtcNow(),
        };
        attachment.BlobName = $"proposals/{proposal}/{attachment.Id}.pdf";
        await blobs.Container.GetBlobClient(attachment.BlobName).UploadAsync(new BinaryData(bytes), overwrite: true);
        foreach (var old in await db.Attachments.Where(a => a.ProposalId == proposal && a.Kind == kind && a.SupersededAt == null).ToListAsync())
            old.SupersededAt = app.Clock.GetUtcNow();
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment;
    }

    public static Task<PreProposal> ReloadAsync(this GrantPortalFactory app, ProposalId id) =>
        app.WithDbAsync(db => db.PreProposals.AsNoTracking()
            .Include(p => p.Transitions).SingleAsync(p => p.Id == id));
}

// Real PDFs for tests, written by hand (the smallest structure a PDF reader accepts: header,
// objects, xref table with correct offsets, trailer, startxref, %%EOF).
public static class Pdfs
{
    public static byte[] Minimal(string text)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null!,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var stream = $"BT /F1 12 Tf 72 770 Td ({text.Replace("(", "").Replace(")", "")}) Tj ET";
        objects[3] = $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream";
        var sb = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString());
    }
}
