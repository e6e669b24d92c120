using GrantPortal.Web.Infrastructure.Persistence;

namespace GrantPortal.Web.Infrastructure.Identity;

// The platform is its own OpenID Connect server for API clients (OpenIddict).
public static class OidcServer
{
    public static IServiceCollection AddOidcServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow();
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                var aspnet = o.UseAspNetCore().EnableTokenEndpointPassthrough();
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
        return services;
    }
}
