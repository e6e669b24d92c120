using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Infrastructure.Operations;

// The app refuses to start when the database or the blob store cannot be reached, naming the
// setting to fix, instead of failing on the first user's request.
public static class StartupChecks
{
    public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

    public static async Task VerifyAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await db.Database.OpenConnectionAsync(timeout.Token);
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception ex) when (ex is not StartupException)
        {
            throw new StartupException(
                $"Cannot reach PostgreSQL ({ex.GetBaseException().Message}). Check the setting ConnectionStrings:Postgres (environment variable ConnectionStrings__Postgres).", ex);
        }

        var blobs = scope.ServiceProvider.GetRequiredService<BlobStore>();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await blobs.EnsureContainerAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not StartupException)
        {
            throw new StartupException(
                $"Cannot reach the blob store ({ex.GetBaseException().Message}). Check the setting ConnectionStrings:Blobs (environment variable ConnectionStrings__Blobs).", ex);
        }
    }
}
