using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Infrastructure.Identity;

// The platform is its own OpenID Connect server for API clients (OpenIddict): system integrations
// use client credentials, user-facing apps the authorization code flow with PKCE and refresh tokens.
public static class OidcServer
{
    public static IServiceCollection AddOidcServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow();
                o.RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
                // Keys: see OidcKeys (persisted in the database, shared by all instances).
                o.DisableAccessTokenEncryption();
                var aspnet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!configuration.GetValue("Oidc:RequireHttps", !environment.IsDevelopment()))
                {
                    aspnet.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        services.AddSingleton<OidcKeys>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<OidcKeys>());
        return services;
    }
}
