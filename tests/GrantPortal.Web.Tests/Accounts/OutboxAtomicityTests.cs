using System.Net;
using GrantPortal.Web.Infrastructure.Mail;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.Web.Tests.Accounts.AccountTestKit;

namespace GrantPortal.Web.Tests.Accounts;

// The app with a database that refuses to store a mail to an address starting "outbox-fails":
// the write of the outbox row fails after the user and its role were saved.
public sealed class FailingOutboxFactory : GrantPortalFactory
{
    public const string FailingPrefix = "outbox-fails";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(new FailOutboxWrite())));
    }

    private sealed class FailOutboxWrite : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var failing = eventData.Context!.ChangeTracker.Entries<OutboxMessage>()
                .Any(e => e.State == EntityState.Added && e.Entity.ToAddress.StartsWith(FailingPrefix, StringComparison.Ordinal));
            return failing ? throw new InvalidOperationException("Simulated outage while writing the outbox.") : ValueTask.FromResult(result);
        }
    }
}

public sealed class OutboxAtomicityTests(FailingOutboxFactory app) : IClassFixture<FailingOutboxFactory>
{
    [Fact]
    public async Task Register_WhenTheOutboxWriteFails_LeavesNoUserBehind()
    {
        var email = UniqueEmail(FailingOutboxFactory.FailingPrefix);
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);

        var response = await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(email, unit.Value));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await app.WithDbAsync(db => db.UserRoles.AnyAsync(ur => !db.Users.Any(u => u.Id == ur.UserId))));
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == email)));
    }

    [Fact]
    public async Task Register_WithOtherAddress_CommitsUserAndMailTogether()
    {
        var email = UniqueEmail("fine");
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);

        var response = await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(email, unit.Value));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == email)));
    }
}
