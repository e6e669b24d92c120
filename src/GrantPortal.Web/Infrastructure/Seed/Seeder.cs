using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Infrastructure.Seed;

// Applies the migrations and seeds; idempotent: every record is looked up by its natural key
// (call code, credit code, identity document, e-mail) and created only when missing.
public static class Seeder
{
    public sealed record DemoUser(string Email, string DisplayName, string Role, string? UnitCode, string? PersonDocument);

    public static IReadOnlyList<DemoUser> DemoUsers { get; } =
    [
        new("admin@demo.grantportal.test", "平台管理员", Roles.PlatformAdmin, null, null),
        new("pi@demo.grantportal.test", "张伟", Roles.Applicant, SeedRegistry.UniversityCode, SeedRegistry.Rid("11010519750312123")),
        new("pi2@demo.grantportal.test", "刘洋", Roles.Applicant, SeedRegistry.SecondUniversityCode, SeedRegistry.Rid("31011519860215456")),
        new("lead@demo.grantportal.test", "京华大学科研院", Roles.LeadUnitAdmin, SeedRegistry.UniversityCode, null),
        new("recommender@demo.grantportal.test", "赵敏", Roles.RecommenderOfficer, SeedRegistry.ProvinceCode, SeedRegistry.Rid("11010219700606789")),
        new("staff@demo.grantportal.test", "交流中心业务处", Roles.ExchangeCenterStaff, SeedRegistry.ExchangeCenterCode, null),
        new("expert@demo.grantportal.test", "陈静", Roles.Expert, SeedRegistry.InstituteCode, SeedRegistry.Rid("11010819800101567")),
    ];

    public static async Task<int> MigrateAndSeedAsync(IServiceProvider services, IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            await output.WriteLineAsync($"Cannot reach PostgreSQL to migrate ({ex.GetBaseException().Message}). Check ConnectionStrings__Postgres.");
            return 2;
        }
        await TitleKeys.BackfillAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<BlobStore>().EnsureContainerAsync(ct);
        var demoUsers = configuration.GetValue("Seed:DemoUsers", false);
        var created = await SeedAsync(scope.ServiceProvider, demoUsers, configuration["Seed:DemoPassword"] ?? DefaultDemoPassword, ct);
        await output.WriteLineAsync($"Database migrated; seed created {created} record(s).");
        if (demoUsers)
        {
            await output.WriteLineAsync("Demo logins (password: " + (configuration["Seed:DemoPassword"] ?? DefaultDemoPassword) + "):");
            foreach (var u in DemoUsers) await output.WriteLineAsync($"  {u.Role,-20} {u.Email}");
        }
        return 0;
    }

    public const string DefaultDemoPassword = "Demo-2026-grant";

    public static async Task<int> SeedAsync(IServiceProvider sp, bool demoUsers, string demoPassword, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var created = 0;

        var roles = sp.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new AppRole(role)));
                created++;
            }
        }

        var today = BeijingTime.Today(clock.GetUtcNow());
        if (!await db.Calls.AnyAsync(c => c.Code == SeedCalls.Code2018, ct)) { db.Calls.Add(SeedCalls.Call2018()); created++; }
        var demo = await db.Calls.SingleOrDefaultAsync(c => c.Code == SeedCalls.CodeDemo, ct);
        if (demo is null) { db.Calls.Add(SeedCalls.Demo(today)); created++; }
        else if (demo.IsDemo && clock.GetUtcNow() >= demo.PreWindowCloses)
        {
            // The demo call exists so that a newcomer can submit today: once its window has
            // closed, it is moved around today again (the 2018 call is never touched).
            demo.WithWindowsAround(today);
        }

        var codes = await db.Units.Where(u => u.SocialCreditCode != null).Select(u => u.SocialCreditCode!).ToListAsync(ct);
        var foreign = await db.Units.Where(u => u.ForeignRegistrationNumber != null).Select(u => u.CountryCode + "/" + u.ForeignRegistrationNumber).ToListAsync(ct);
        foreach (var unit in SeedRegistry.Units())
        {
            var exists = unit.SocialCreditCode is { } c ? codes.Contains(c) : foreign.Contains(unit.CountryCode + "/" + unit.ForeignRegistrationNumber);
            if (!exists) { db.Units.Add(unit); created++; }
        }
        await db.SaveChangesAsync(ct);

        var units = await db.Units.ToListAsync(ct);
        var documents = await db.People.Select(p => p.DocumentNumber).ToListAsync(ct);
        foreach (var seed in SeedRegistry.People())
        {
            if (documents.Contains(seed.Person.DocumentNumber)) continue;
            seed.Person.UnitId = (seed.UnitCode is { } code
                ? units.Single(u => u.SocialCreditCode == code)
                : units.Single(u => u.ForeignRegistrationNumber == seed.ForeignRegistration)).Id;
            db.People.Add(seed.Person);
            created++;
        }
        await db.SaveChangesAsync(ct);

        // GUIDE-EXPERT-BAR: one guide-drafting expert of the demo call (杨帆, on no demo team).
        var demoCall = await db.Calls.SingleAsync(c => c.Code == SeedCalls.CodeDemo, ct);
        var expert = await db.People.FirstOrDefaultAsync(p => p.DocumentNumber.StartsWith(SeedRegistry.GuideExpertDocumentPrefix), ct);
        if (expert is not null && !await db.GuideExperts.AnyAsync(g => g.CallId == demoCall.Id, ct))
        {
            db.GuideExperts.Add(new GuideExpert { CallId = demoCall.Id, PersonId = expert.Id, Role = GuideExpertRole.GuideDrafting, AddedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            created++;
        }
        foreach (var (list, member) in SeedRegistry.Memberships())
        {
            var listId = units.Single(u => u.SocialCreditCode == list).Id;
            var memberId = units.Single(u => u.SocialCreditCode == member).Id;
            if (await db.UnitMemberships.AnyAsync(m => m.RecommendingUnitId == listId && m.MemberUnitId == memberId, ct)) continue;
            db.UnitMemberships.Add(new UnitMembership { RecommendingUnitId = listId, MemberUnitId = memberId });
            created++;
        }
        await db.SaveChangesAsync(ct);

        if (demoUsers)
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var people = await db.People.ToListAsync(ct);
            foreach (var demoUser in DemoUsers)
            {
                if (await users.FindByEmailAsync(demoUser.Email) is not null) continue;
                var user = new AppUser
                {
                    UserName = demoUser.Email,
                    Email = demoUser.Email,
                    EmailConfirmed = true,
                    DisplayName = demoUser.DisplayName,
                    CreatedAt = clock.GetUtcNow(),
                    UnitId = demoUser.UnitCode is { } code ? units.Single(u => u.SocialCreditCode == code).Id : null,
                    PersonId = demoUser.PersonDocument is { } doc ? people.Single(p => p.DocumentNumber == doc).Id : null,
                };
                Check(await users.CreateAsync(user, demoPassword));
                Check(await users.AddToRoleAsync(user, demoUser.Role));
                created++;
            }
        }
        return created;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
