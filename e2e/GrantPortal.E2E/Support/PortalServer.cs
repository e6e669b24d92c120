using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace GrantPortal.E2E.Support;

// The real app on Kestrel (127.0.0.1, a free port) with its own fresh database and blob
// container, the real clock and the outbox worker delivering mail to the catcher.
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public PortalServer()
    {
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }
    public string BaseUrl { get; }
    public string DatabaseName { get; } = "gp_e2e_" + Guid.NewGuid().ToString("N")[..16];
    public string Container { get; } = "e2e" + Guid.NewGuid().ToString("N")[..20];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(E2EEnvironment.Postgres) { Database = DatabaseName, Pooling = true }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("ConnectionStrings:Blobs", E2EEnvironment.Blobs);
        builder.UseSetting("Blobs:Container", Container);
        builder.UseSetting("Smtp:Host", E2EEnvironment.SmtpHost);
        builder.UseSetting("Smtp:Port", E2EEnvironment.SmtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:PollSeconds", "1");
        builder.UseSetting("Smtp:WorkerEnabled", "true");
        builder.UseSetting("Seed:DemoUsers", "true");
        builder.UseSetting("Oidc:RequireHttps", "false");
        builder.UseSetting("App:PublicUrl", BaseUrl);
    }

    public async Task CreateDatabaseAsync()
    {
        await using var admin = new NpgsqlConnection(E2EEnvironment.Postgres);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(E2EEnvironment.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task DeleteContainerAsync()
    {
        await new Azure.Storage.Blobs.BlobContainerClient(E2EEnvironment.Blobs, Container).DeleteIfExistsAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
