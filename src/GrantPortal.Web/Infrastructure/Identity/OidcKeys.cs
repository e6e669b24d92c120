using System.Security.Cryptography;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace GrantPortal.Web.Infrastructure.Identity;

// The signing and encryption keys of the OpenID Connect server live in the database (oidc_keys)
// so that every app instance signs and reads tokens with the same keys. They are loaded when the
// server options are first built, that is on the first request, after the startup checks and
// never in the `migrate` command, which does not touch OpenIddict.
public sealed class OidcKeys(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OidcKeys> log) : IConfigureOptions<OpenIddictServerOptions>
{
    public const string SigningUse = "sig";
    public const string EncryptionUse = "enc";

    // pg_advisory_xact_lock key: two instances starting at once on an empty table create the keys once.
    private const long LockKey = 0x4750_4F49_4443; // "GPOIDC"

    private readonly Lock _gate = new();
    private IReadOnlyList<(SigningKey Row, RsaSecurityKey Key)>? _loaded;

    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var (row, key) in Load())
        {
            if (row.Use == SigningUse) options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
            else options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }

    private IReadOnlyList<(SigningKey Row, RsaSecurityKey Key)> Load()
    {
        lock (_gate)
        {
            if (_loaded is not null) return _loaded;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Options are built synchronously, hence the synchronous database calls (once per instance).
            using var tx = db.Database.BeginTransaction();
            db.Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock({0})", LockKey);
            var rows = db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToList();
            foreach (var use in new[] { SigningUse, EncryptionUse })
            {
                if (rows.Any(r => r.Use == use)) continue;
                using var rsa = RSA.Create(2048);
                var row = new SigningKey { Use = use, Pem = rsa.ExportRSAPrivateKeyPem(), CreatedAt = clock.GetUtcNow() };
                db.SigningKeys.Add(row);
                rows.Add(row);
                log.LogInformation("Created OpenID Connect {Use} key {KeyId}", use, row.Id);
            }
            db.SaveChanges();
            tx.Commit();
            _loaded = [.. rows.Select(r => (r, ToKey(r)))];
            return _loaded;
        }
    }

    private static RsaSecurityKey ToKey(SigningKey row)
    {
        // The RSA instance stays alive as long as the options that hold it (the app's lifetime).
        var rsa = RSA.Create();
        rsa.ImportFromPem(row.Pem);
        return new RsaSecurityKey(rsa) { KeyId = row.Id.ToString("N") };
    }
}
