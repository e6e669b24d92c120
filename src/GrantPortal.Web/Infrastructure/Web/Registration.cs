using System.Globalization;
using GrantPortal.Web.Infrastructure.Audit;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Mail;
using GrantPortal.Web.Infrastructure.Operations;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Infrastructure.Web;

public static class Registration
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new StartupChecks.StartupException(
                "No database configured. Set ConnectionStrings:Postgres (environment variable ConnectionStrings__Postgres), or start the site with ./run.");
        }
        connection = Tuned(connection);
        services.AddSingleton<AuditInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        services.AddDataProtection()
            .SetApplicationName("GrantPortal")
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    // Statements the app runs again and again (a submission is a dozen of them) are prepared once
    // per physical connection: PostgreSQL then skips parsing and planning them. A pooled
    // connection is handed on without the session reset (seven statements on every open): the app
    // keeps no session state (advisory locks and temporary tables are transaction-scoped, nothing
    // is SET for the session). Rows with a narrative and a snapshot are larger than the default
    // 8 KiB read buffer, which then allocates a temporary one per row. Each setting the operator
    // writes in the connection string stays as written (e.g. Max Auto Prepare=0 behind a
    // transaction-pooling PgBouncer).
    public static string Tuned(string connection)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        bool Given(params string[] keys) => keys.Any(given.ContainsKey);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!Given("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 200;
            if (!Given("Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        }
        if (!Given("No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        if (!Given("Read Buffer Size", "ReadBufferSize")) builder.ReadBufferSize = 64 * 1024;
        return builder.ConnectionString;
    }

    public static IServiceCollection AddBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Blobs");
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new StartupChecks.StartupException(
                "No blob store configured. Set ConnectionStrings:Blobs (environment variable ConnectionStrings__Blobs), or start the site with ./run.");
        }
        services.AddSingleton(_ => BlobStore.CreateClient(connection));
        services.AddSingleton<BlobStore>();
        return services;
    }

    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddScoped<Outbox>();
        if (configuration.GetValue("Smtp:WorkerEnabled", true))
        {
            services.AddSingleton<OutboxWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        }
        return services;
    }

    public static IServiceCollection AddCatalogLocalization(this IServiceCollection services)
    {
        // Chinese text is written as is into the HTML, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Catalog>();
        services.AddSingleton<IStringLocalizerFactory, CatalogLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(CatalogLocalizer<>));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Catalog.Cultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Catalog.DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Chinese first: the browser's language is not consulted; the switch is remembered in a cookie.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Accounts:LockoutMinutes", 15));
                options.ClaimsIdentity.UserIdClaimType = System.Security.Claims.ClaimTypes.NameIdentifier;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Accounts/Login";
            options.LogoutPath = "/Accounts/Logout";
            options.AccessDeniedPath = "/Accounts/AccessDenied";
            options.Cookie.Name = "gp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 instead of redirecting to the sign-in page.
            options.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<AccountMails>();
        services.AddAuthorization(Policies.Add);
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<BlobStoreHealthCheck>("blobs")
            .AddCheck<OutboxHealthCheck>("mail-outbox");
        return services;
    }
}
