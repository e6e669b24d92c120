using GrantPortal.Web.Infrastructure.Operations;
using GrantPortal.Web.Infrastructure.Web;
using GrantPortal.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Platform;

// The app refuses to start when the database or the blob store cannot be reached, naming the setting.
public sealed class StartupCheckTests
{
    [Fact]
    public async Task UnreachableDatabase_NamesTheConnectionStringSetting()
    {
        var ex = await Assert.ThrowsAsync<StartupChecks.StartupException>(() =>
            StartupChecks.VerifyAsync(Services("Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=3", TestEnvironment.Blobs), CancellationToken.None));
        Assert.Contains("ConnectionStrings__Postgres", ex.Message);
    }

    [Fact]
    public async Task UnreachableBlobStore_NamesTheBlobSetting()
    {
        const string deadBlobs = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        var ex = await Assert.ThrowsAsync<StartupChecks.StartupException>(() =>
            StartupChecks.VerifyAsync(Services(TestEnvironment.Postgres, deadBlobs), CancellationToken.None));
        Assert.Contains("ConnectionStrings__Blobs", ex.Message);
    }

    [Fact]
    public void MissingConnectionString_IsRefusedAtConfiguration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var ex = Assert.Throws<StartupChecks.StartupException>(() => new ServiceCollection().AddPersistence(config));
        Assert.Contains("ConnectionStrings__Postgres", ex.Message);
    }

    private static ServiceProvider Services(string postgres, string blobs)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:Blobs"] = blobs,
            ["Blobs:Container"] = "startup-check",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddPersistence(config);
        services.AddBlobStorage(config);
        return services.BuildServiceProvider();
    }
}
