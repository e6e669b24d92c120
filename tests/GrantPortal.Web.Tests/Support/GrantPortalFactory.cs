using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace GrantPortal.Web.Tests.Support;

// One app per test class on its own fresh PostgreSQL database and its own blob container,
// with a fake clock. Migrations apply from empty and the seed (with the demo users) runs once.
public class GrantPortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public string DatabaseName { get; } = "gp_test_" + Guid.NewGuid().ToString("N")[..16];
    public string Container { get; } = "t" + Guid.NewGuid().ToString("N")[..20];
    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = DatabaseName, Pooling = true }.ConnectionString;

    protected virtual bool OutboxWorkerEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("ConnectionStrings:Blobs", TestEnvironment.Blobs);
        builder.UseSetting("Blobs:Container", Container);
        builder.UseSetting("Smtp:Host", TestEnvironment.SmtpHost);
        builder.UseSetting("Smtp:Port", TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:WorkerEnabled", OutboxWorkerEnabled ? "true" : "false");
        builder.UseSetting("Seed:DemoUsers", "true");
        builder.UseSetting("Oidc:RequireHttps", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var code = await Seeder.MigrateAndSeedAsync(Services, Services.GetRequiredService<IConfiguration>(), TextWriter.Null, CancellationToken.None);
        if (code != 0) throw new InvalidOperationException($"Migrate and seed failed with {code}");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

// The same with the outbox worker delivering mail to the SMTP catcher.
public sealed class GrantPortalWithMailFactory : GrantPortalFactory
{
    protected override bool OutboxWorkerEnabled => true;
}
