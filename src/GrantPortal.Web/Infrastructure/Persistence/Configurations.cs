using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Audit;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantPortal.Web.Infrastructure.Persistence;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new UnitId(v));
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(300);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.SocialCreditCode).HasMaxLength(18);
        b.Property(x => x.CountryCode).HasMaxLength(2);
        b.Property(x => x.ForeignRegistrationNumber).HasMaxLength(60);
        b.Property(x => x.Province).HasMaxLength(40);
        b.Property(x => x.SupervisingMinistry).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.SocialCreditCode).IsUnique().HasFilter("\"SocialCreditCode\" IS NOT NULL");
        b.HasIndex(x => new { x.CountryCode, x.ForeignRegistrationNumber }).IsUnique().HasFilter("\"ForeignRegistrationNumber\" IS NOT NULL");
        b.HasIndex(x => x.Name);
        b.Ignore(x => x.IsForeign);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new PersonId(v));
        b.Property(x => x.UnitId).HasConversion(v => v!.Value.Value, v => new UnitId(v));
        b.Property(x => x.DocumentType).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.DocumentNumber).HasMaxLength(30).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.Title).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Degree).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Nationality).HasMaxLength(2);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.DocumentType, x.DocumentNumber }).IsUnique();
        b.HasIndex(x => x.Name);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantCallConfiguration : IEntityTypeConfiguration<GrantCall>
{
    public void Configure(EntityTypeBuilder<GrantCall> b)
    {
        b.ToTable("calls");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new CallId(v));
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Programme).HasMaxLength(200).IsRequired();
        b.Property(x => x.ProgrammeEn).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(300);
        b.Property(x => x.DocumentNumber).HasMaxLength(60);
        b.Property(x => x.TimeZoneId).HasMaxLength(60);
        b.Property(x => x.ShortlistFactorMin).HasPrecision(4, 2);
        b.Property(x => x.ShortlistFactorMax).HasPrecision(4, 2);
        b.Property(x => x.Version).IsRowVersion();
        b.HasMany(x => x.Directions).WithOne().HasForeignKey(d => d.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuideDirectionConfiguration : IEntityTypeConfiguration<GuideDirection>
{
    public void Configure(EntityTypeBuilder<GuideDirection> b)
    {
        b.ToTable("guide_directions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new DirectionId(v));
        b.Property(x => x.CallId).HasConversion(v => v.Value, v => new CallId(v));
        b.Property(x => x.Number).HasMaxLength(20).IsRequired();
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(400);
        b.HasIndex(x => new { x.CallId, x.Number }).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.Property(x => x.UnitId).HasConversion(v => v!.Value.Value, v => new UnitId(v));
        b.Property(x => x.PersonId).HasConversion(v => v!.Value.Value, v => new PersonId(v));
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(x => x.Id);
        b.Property(x => x.ToAddress).HasMaxLength(256).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(300).IsRequired();
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.EntityType).HasMaxLength(60).IsRequired();
        b.Property(x => x.EntityId).HasMaxLength(100).IsRequired();
        b.Property(x => x.Action).HasMaxLength(20).IsRequired();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Changes).HasColumnType("jsonb");
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("oidc_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Use).HasMaxLength(20);
    }
}

internal sealed class OngoingProjectConfiguration : IEntityTypeConfiguration<OngoingProject>
{
    public void Configure(EntityTypeBuilder<OngoingProject> b)
    {
        b.ToTable("ongoing_projects");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new OngoingProjectId(v));
        b.Property(x => x.Programme).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DocumentType).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.DocumentNumber).HasMaxLength(30).IsRequired();
        b.Property(x => x.ProjectCode).HasMaxLength(60).IsRequired();
        b.Property(x => x.ProjectTitle).HasMaxLength(300);
        b.Property(x => x.PersonName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        // One line per person and project; a re-import of the same file finds the same keys.
        b.HasIndex(x => new { x.ProjectCode, x.DocumentType, x.DocumentNumber }).IsUnique();
        b.HasIndex(x => new { x.DocumentType, x.DocumentNumber });
    }
}
