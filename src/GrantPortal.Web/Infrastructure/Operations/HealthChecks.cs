using GrantPortal.Web.Infrastructure.Mail;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GrantPortal.Web.Infrastructure.Operations;

public sealed class BlobStoreHealthCheck(BlobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var exists = await store.Container.ExistsAsync(ct);
            return exists.Value
                ? HealthCheckResult.Healthy($"container '{store.ContainerName}' reachable")
                : HealthCheckResult.Unhealthy($"container '{store.ContainerName}' missing");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("blob store unreachable (ConnectionStrings__Blobs)", ex);
        }
    }
}

// The outbox is healthy while mail leaves it; a backlog of undelivered mail degrades it, and
// mail that exhausted its attempts makes it unhealthy.
public sealed class OutboxHealthCheck(AppDbContext db, TimeProvider clock, IOptions<SmtpOptions> smtp) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var pending = await db.Outbox.CountAsync(m => m.SentAt == null && m.Attempts < smtp.Value.MaxAttempts, ct);
        var stale = await db.Outbox.CountAsync(m => m.SentAt == null && m.CreatedAt < now.AddMinutes(-15), ct);
        var dead = await db.Outbox.CountAsync(m => m.SentAt == null && m.Attempts >= smtp.Value.MaxAttempts, ct);
        var data = new Dictionary<string, object> { ["pending"] = pending, ["stale"] = stale, ["failed"] = dead };
        if (dead > 0) return HealthCheckResult.Unhealthy($"{dead} mail(s) could not be delivered", data: data);
        if (stale > 0) return HealthCheckResult.Degraded($"{stale} mail(s) waiting for more than 15 minutes", data: data);
        return HealthCheckResult.Healthy($"{pending} mail(s) pending", data);
    }
}
