using GrantPortal.Web.Features.Api;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace GrantPortal.Web.Features;

// Razor Pages live in /Features, one folder per use case. Each folder is guarded by a named
// policy; the fallback policy refuses anonymous users everywhere else (deny by default).
public static class FeatureRegistration
{
    private static readonly string[] AnonymousAccountPages =
        ["Login", "Register", "RegisterConfirmation", "ConfirmEmail", "ForgotPassword", "ResetPassword", "AccessDenied", "Lockout"];

    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Admin", Policies.PlatformAdmin);
            o.Conventions.AuthorizeFolder("/Applicant", Policies.Applicant);
            o.Conventions.AuthorizeFolder("/LeadUnit", Policies.LeadUnitAdmin);
            o.Conventions.AuthorizeFolder("/Recommender", Policies.RecommenderOfficer);
            o.Conventions.AuthorizeFolder("/ExchangeCenter", Policies.ExchangeCenterStaff);
            o.Conventions.AuthorizeFolder("/Expert", Policies.Expert);
            o.Conventions.AuthorizeFolder("/OngoingProjects", Policies.ExchangeCenterStaff);
            o.Conventions.AuthorizeFolder("/Registries", Policies.RegistryReader);
            o.Conventions.AuthorizeFolder("/Registries/Units/Edit", Policies.PlatformAdmin);
            o.Conventions.AuthorizeFolder("/Registries/People/Edit", Policies.PlatformAdmin);
            o.Conventions.AuthorizeFolder("/Registries/People/Sanctions", Policies.PlatformAdmin);
            o.Conventions.AuthorizeFolder("/Registries/Units/Members", Policies.PlatformAdmin);
            o.Conventions.AuthorizeFolder("/PreProposals/Attachments", Policies.Authenticated);
            o.Conventions.AuthorizeFolder("/PreProposals/Print", Policies.Authenticated);
            // Pre-proposal lifecycle (issue 4): the role at the edge, the proposal itself in the handler.
            o.Conventions.AuthorizeFolder("/PreProposals/Complete", Policies.Applicant);
            o.Conventions.AuthorizeFolder("/PreProposals/Submit", Policies.LeadUnitAdmin);
            o.Conventions.AuthorizeFolder("/PreProposals/Withdraw", Policies.LeadUnitAdmin);
            o.Conventions.AuthorizeFolder("/PreProposals/Accept", Policies.ExchangeCenterStaff);
            o.Conventions.AuthorizeFolder("/PreProposals/View", Policies.Authenticated);
            o.Conventions.AuthorizeFolder("/PreProposals/Receipt", Policies.Authenticated);
            foreach (var folder in new[] { "Start", "Edit", "CoEditors", "Pickers" }) o.Conventions.AuthorizeFolder("/PreProposals/" + folder, Policies.Applicant);
            // Anonymous pages, explicitly: signing in and everything needed before it.
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Calls/Index");
            o.Conventions.AllowAnonymousToPage("/Calls/Details");
            // Anyone holding a printed pre-proposal checks it (number and hash) at /Verify.
            o.Conventions.AllowAnonymousToPage("/PreProposals/Verify/Verify");
            foreach (var page in AnonymousAccountPages) o.Conventions.AllowAnonymousToPage("/Accounts/" + page);
        });
        services.AddScoped<PreProposals.Attachments.SupersededAttachments>();
        services.AddSingleton<ExchangeCenter.Recheck.RecheckJobs>().AddHostedService(sp => sp.GetRequiredService<ExchangeCenter.Recheck.RecheckJobs>());
        services.AddScoped<OngoingProjects.Import.OngoingImporter>().AddSingleton<OngoingProjects.Import.ImportJobs>().AddHostedService(sp => sp.GetRequiredService<OngoingProjects.Import.ImportJobs>());
        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "GrantPortal API";
            doc.Info.Description = "REST API of GrantPortal. Authenticate with a bearer token from /connect/token (OpenID Connect: client credentials, or authorization code with PKCE).";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication UseGrantPortalPipeline(this WebApplication app)
    {
        // Behind a TLS-terminating reverse proxy or load balancer (infra/README.md): trust its
        // X-Forwarded-* headers so that links, cookies and OpenID Connect see https.
        if (app.Configuration.GetValue("App:BehindProxy", false))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("GrantPortal API")).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.Write }).AllowAnonymous();

        // The language switch: remembered in a cookie for a year.
        app.MapPost("/culture", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!Catalog.Cultures.Contains(culture)) culture = Catalog.DefaultCulture;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UnixEpoch.AddYears(100), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
        }).AllowAnonymous().DisableAntiforgery();

        Connect.TokenEndpoint.Map(app);
        Connect.AuthorizeEndpoint.Map(app);
        Connect.EndSessionEndpoint.Map(app);
        ApiEndpoints.Map(app);
        return app;
    }
}
