using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Infrastructure.Web;

// Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): a retried request with the
// same key, by the same user, for the same operation gets the first request's answer; the same key
// with a different request is refused (422). Records are written in the transaction of the
// operation they answer, so a key is recorded exactly when the operation took effect.
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    public const string ReusedCode = "IDEMPOTENCY-KEY-REUSED";
    public const string InvalidCode = "IDEMPOTENCY-KEY-INVALID";
    public const string UniqueIndex = "IX_idempotency_records_UserId_Operation_Key";

    private sealed record Envelope(string RequestHash, JsonElement Response);

    public static bool IsValidKey(string? key) => key is null || (key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and < '\u007f'));

    // Users are keyed by their id; a system integration (client credentials, no user) by a stable
    // id derived from its client id.
    public static Guid UserKey(ICurrentUser user) =>
        user.UserId ?? new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("client:" + user.Principal.FindFirst("sub")?.Value))[..16]);

    public static string RequestHash(params object?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture) ?? "")))));

    public sealed record Stored<T>(bool SameRequest, int StatusCode, T? Response);

    public static async Task<Stored<T>?> FindAsync<T>(AppDbContext db, Guid userKey, string operation, string key, string requestHash, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == userKey && r.Operation == operation && r.Key == key, ct);
        if (record is null) return null;
        var envelope = JsonSerializer.Deserialize<Envelope>(record.ResponseJson, JsonSerializerOptions.Web)!;
        return envelope.RequestHash != requestHash
            ? new Stored<T>(false, record.StatusCode, default)
            : new Stored<T>(true, record.StatusCode, envelope.Response.Deserialize<T>(JsonSerializerOptions.Web));
    }

    public static void Add<T>(AppDbContext db, Guid userKey, string operation, string key, string requestHash, int statusCode, T response, DateTimeOffset now) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            UserId = userKey,
            Operation = operation,
            Key = key,
            StatusCode = statusCode,
            ResponseJson = JsonSerializer.Serialize(new Envelope(requestHash, JsonSerializer.SerializeToElement(response, JsonSerializerOptions.Web)), JsonSerializerOptions.Web),
            CreatedAt = now,
        });
}
