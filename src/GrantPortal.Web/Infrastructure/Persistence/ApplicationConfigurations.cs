using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantPortal.Web.Infrastructure.Persistence;

internal sealed class PreProposalConfiguration : IEntityTypeConfiguration<PreProposal>
{
    public const string TitleKey = "TitleKey";

    public void Configure(EntityTypeBuilder<PreProposal> b)
    {
        b.ToTable("pre_proposals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new ProposalId(v));
        b.Property(x => x.CallId).HasConversion(v => v.Value, v => new CallId(v));
        b.Property(x => x.DirectionId).HasConversion(v => v.Value, v => new DirectionId(v));
        b.Property(x => x.LeadUnitId).HasConversion(v => v.Value, v => new UnitId(v));
        b.Property(x => x.PiPersonId).HasConversion(v => v!.Value.Value, v => new PersonId(v));
        b.Property(x => x.RecommendingUnitId).HasConversion(v => v!.Value.Value, v => new UnitId(v));
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.RequestedBudget).HasPrecision(12, 2);
        b.Property(x => x.MatchingFundsPercent).HasPrecision(5, 2);
        b.Property(x => x.ForeignLeadException).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ForeignLeadStatement).HasMaxLength(2000);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.SubmissionNumber).HasMaxLength(40);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.SubmissionNumber).IsUnique().HasFilter("\"SubmissionNumber\" IS NOT NULL");
        b.HasIndex(x => new { x.LeadUnitId, x.State });
        // UNIT-ONE-RECOMMENDER compares titles as UnitOneRecommender.NormalizeTitle does: the key is
        // kept beside the title (set on every save, see AppDbContext.SetTitleKeys) and indexed per
        // call and lead unit, so that a submission finds its twins without reading every title.
        b.Property<string>(TitleKey).HasMaxLength(200);
        b.HasIndex("CallId", "LeadUnitId", TitleKey);
        b.HasIndex(x => new { x.CallId, x.State });
        b.HasIndex(x => x.OwnerUserId);
        b.HasOne<GrantCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GuideDirection>().WithMany().HasForeignKey(x => x.DirectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.RecommendingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PiPersonId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.ForeignLeadPersonId);

        b.OwnsMany(x => x.Members, m =>
        {
            m.ToTable("pre_proposal_members");
            m.WithOwner().HasForeignKey("ProposalId");
            m.HasKey(x => x.Id);
            m.Property(x => x.PersonId).HasConversion(v => v.Value, v => new PersonId(v));
            m.Property(x => x.UnitId).HasConversion(v => v!.Value.Value, v => new UnitId(v));
            m.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            m.HasIndex(x => x.PersonId);
        });
        b.OwnsMany(x => x.Units, u =>
        {
            u.ToTable("pre_proposal_units");
            u.WithOwner().HasForeignKey("ProposalId");
            u.HasKey(x => x.Id);
            u.Property(x => x.UnitId).HasConversion(v => v.Value, v => new UnitId(v));
        });
        b.OwnsMany(x => x.IndicatorAnswers, a =>
        {
            a.ToTable("pre_proposal_indicator_answers");
            a.WithOwner().HasForeignKey("ProposalId");
            a.HasKey(x => x.Id);
        });
        b.OwnsMany(x => x.CoEditors, c =>
        {
            c.ToTable("pre_proposal_co_editors");
            c.WithOwner().HasForeignKey("ProposalId");
            c.HasKey(x => x.Id);
            c.HasIndex(x => x.UserId);
        });
        b.HasMany(x => x.Transitions).WithOne().HasForeignKey(t => t.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransitionConfiguration : IEntityTypeConfiguration<Transition>
{
    public void Configure(EntityTypeBuilder<Transition> b)
    {
        b.ToTable("application_transitions");
        b.HasKey(x => x.Id);
        b.Property(x => x.ProposalId).HasConversion(v => v.Value, v => new ProposalId(v));
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ByName).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasIndex(x => new { x.ProposalId, x.At });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new AttachmentId(v));
        b.Property(x => x.ProposalId).HasConversion(v => v.Value, v => new ProposalId(v));
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.BlobName).HasMaxLength(300);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Ignore(x => x.IsCurrent);
        b.HasIndex(x => new { x.ProposalId, x.Kind });
        b.HasOne<PreProposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Operation).HasMaxLength(100);
        b.HasIndex(x => new { x.UserId, x.Operation, x.Key }).IsUnique();
    }
}
