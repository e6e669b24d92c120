using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantPortal.Web.Infrastructure.Persistence;

// GUIDE-EXPERT-BAR: one row per call and person.
internal sealed class GuideExpertConfiguration : IEntityTypeConfiguration<GuideExpert>
{
    public void Configure(EntityTypeBuilder<GuideExpert> b)
    {
        b.ToTable("guide_experts");
        b.HasKey(x => x.Id);
        b.Property(x => x.CallId).HasConversion(v => v.Value, v => new CallId(v));
        b.Property(x => x.PersonId).HasConversion(v => v.Value, v => new PersonId(v));
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => new { x.CallId, x.PersonId }).IsUnique();
        b.HasOne<GrantCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

// UNIT-INTEGRITY: sanctions and blacklist entries of people.
internal sealed class PersonSanctionConfiguration : IEntityTypeConfiguration<PersonSanction>
{
    public void Configure(EntityTypeBuilder<PersonSanction> b)
    {
        b.ToTable("person_sanctions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new SanctionId(v));
        b.Property(x => x.PersonId).HasConversion(v => v.Value, v => new PersonId(v));
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Reference).HasMaxLength(100).IsRequired();
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
