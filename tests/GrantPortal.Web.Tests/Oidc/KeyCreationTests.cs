using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenIddict.Server;

namespace GrantPortal.Web.Tests.Oidc;

// Several instances starting at once on an empty oidc_keys table create one key of each use.
public sealed class KeyCreationTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task InstancesStartingAtOnce_CreateOneSigningAndOneEncryptionKey()
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.SigningKeys.CountAsync()));
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var instances = Enumerable.Range(0, 6).Select(_ => new OidcKeys(scopes, app.Clock, NullLogger<OidcKeys>.Instance)).ToList();

        var options = await Task.WhenAll(instances.Select(keys => Task.Run(() =>
        {
            var o = new OpenIddictServerOptions();
            keys.Configure(o);
            return o;
        })));

        var rows = await app.WithDbAsync(db => db.SigningKeys.ToListAsync());
        Assert.Equal([OidcKeys.EncryptionUse, OidcKeys.SigningUse], rows.Select(r => r.Use).Order());
        // Every instance signs with the same key.
        Assert.Single(options.Select(o => Assert.Single(o.SigningCredentials).Key.KeyId).Distinct());
        Assert.Single(options.Select(o => Assert.Single(o.EncryptionCredentials).Key.KeyId).Distinct());
    }
}
