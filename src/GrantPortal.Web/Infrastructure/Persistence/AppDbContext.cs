using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Audit;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Infrastructure.Persistence;

public sealed class AppDbContext : IdentityDbContext<AppUser, AppRole, Guid>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
        SavingChanges += (_, _) => SetTitleKeys();
    }

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<GrantCall> Calls => Set<GrantCall>();
    public DbSet<GuideDirection> Directions => Set<GuideDirection>();
    public DbSet<OngoingProject> OngoingProjects => Set<OngoingProject>();
    public DbSet<PersonSanction> PersonSanctions => Set<PersonSanction>();
    public DbSet<GuideExpert> GuideExperts => Set<GuideExpert>();
    public DbSet<PreProposal> PreProposals => Set<PreProposal>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Transition> Transitions => Set<Transition>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<RecommendationBatch> RecommendationBatches => Set<RecommendationBatch>();
    public DbSet<RecommendationBatchItem> RecommendationBatchItems => Set<RecommendationBatchItem>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // The indexed title key of UNIT-ONE-RECOMMENDER, from the title being saved.
    private void SetTitleKeys()
    {
        foreach (var entry in ChangeTracker.Entries<PreProposal>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var key = entry.Property<string>(PreProposalConfiguration.TitleKey);
            var value = UnitOneRecommender.NormalizeTitle(entry.Entity.Title);
            if (key.CurrentValue != value) key.CurrentValue = value;
        }
    }

    // Instants are stored as timestamptz in UTC; the domain may hand over Beijing-offset values.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

// Keys of the OpenID Connect server, kept in the database so that several app instances share them.
public sealed class SigningKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Use { get; set; } = "";
    public string Pem { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

// A request made with an Idempotency-Key: a retried request gets the first one's answer.
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public string Key { get; set; } = "";
    public string Operation { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
