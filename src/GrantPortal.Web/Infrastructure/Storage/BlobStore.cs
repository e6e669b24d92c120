using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GrantPortal.Web.Infrastructure.Storage;

// Documents live in blob storage (Azure Storage, Azurite locally), never in the database.
public sealed class BlobStore(BlobServiceClient service, IConfiguration configuration)
{
    public string ContainerName { get; } = configuration["Blobs:Container"] ?? "documents";

    public BlobContainerClient Container => service.GetBlobContainerClient(ContainerName);

    public async Task EnsureContainerAsync(CancellationToken ct) =>
        await Container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);

    public static BlobServiceClient CreateClient(string connectionString)
    {
        var options = new BlobClientOptions
        {
            Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(30) },
        };
        return new BlobServiceClient(connectionString, options);
    }
}
