using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace GrantPortal.Web.Infrastructure.Storage;

// Documents live in blob storage (Azure Storage, Azurite locally), never in the database.
public sealed class BlobStore(BlobServiceClient service, IConfiguration configuration)
{
    // An upload is sent in blocks of this size: the SDK holds at most UploadConcurrency blocks of
    // a non-seekable stream in (pooled) memory at a time, never the whole document.
    public const int BlockBytes = 4 * 1024 * 1024;
    private const int UploadConcurrency = 2;

    public string ContainerName { get; } = configuration["Blobs:Container"] ?? "documents";

    public BlobContainerClient Container => service.GetBlobContainerClient(ContainerName);

    public async Task EnsureContainerAsync(CancellationToken ct) =>
        await Container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);

    // Writes a new blob from a stream read once, front to back; an existing blob of that name is
    // never overwritten (the names carry fresh ids).
    public async Task UploadNewAsync(string name, Stream content, string contentType, CancellationToken ct) =>
        await Container.GetBlockBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = BlockBytes,
                MaximumTransferSize = BlockBytes,
                MaximumConcurrency = UploadConcurrency,
            },
        }, ct);

    // The blob's content as a stream read from storage while it is consumed.
    public async Task<Stream> OpenReadAsync(string name, CancellationToken ct) =>
        (await Container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;

    public async Task DeleteIfExistsAsync(string name, CancellationToken ct) =>
        await Container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct)) names.Add(item.Name);
        return names;
    }

    public static BlobServiceClient CreateClient(string connectionString)
    {
        var options = new BlobClientOptions
        {
            Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(30) },
        };
        return new BlobServiceClient(connectionString, options);
    }
}
