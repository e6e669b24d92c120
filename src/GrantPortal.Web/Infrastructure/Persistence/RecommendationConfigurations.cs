using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantPortal.Web.Infrastructure.Persistence;

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> b)
    {
        b.ToTable("unit_memberships");
        b.HasKey(x => x.Id);
        b.Property(x => x.RecommendingUnitId).HasConversion(v => v.Value, v => new UnitId(v));
        b.Property(x => x.MemberUnitId).HasConversion(v => v.Value, v => new UnitId(v));
        b.Property(x => x.Version).IsRowVersion();
        // One row per member of a list: a new period of the same member updates its dates.
        b.HasIndex(x => new { x.RecommendingUnitId, x.MemberUnitId }).IsUnique();
        b.HasIndex(x => x.MemberUnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.RecommendingUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.MemberUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationBatchConfiguration : IEntityTypeConfiguration<RecommendationBatch>
{
    public void Configure(EntityTypeBuilder<RecommendationBatch> b)
    {
        b.ToTable("recommendation_batches");
        b.HasKey(x => x.Id);
        b.Property(x => x.RecommendingUnitId).HasConversion(v => v.Value, v => new UnitId(v));
        b.Property(x => x.CallId).HasConversion(v => v.Value, v => new CallId(v));
        b.Property(x => x.SentByName).HasMaxLength(256);
        b.Property(x => x.ListHash).HasMaxLength(64);
        b.HasIndex(x => new { x.RecommendingUnitId, x.CallId });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.RecommendingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GrantCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationBatchItemConfiguration : IEntityTypeConfiguration<RecommendationBatchItem>
{
    public void Configure(EntityTypeBuilder<RecommendationBatchItem> b)
    {
        b.ToTable("recommendation_batch_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.ProposalId).HasConversion(v => v.Value, v => new ProposalId(v));
        b.Property(x => x.SubmissionNumber).HasMaxLength(40);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        // A submission is sent once: the last word when two officers send at the same instant.
        b.HasIndex(x => new { x.ProposalId, x.SubmissionNumber }).IsUnique();
        b.HasOne<PreProposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
    }
}
