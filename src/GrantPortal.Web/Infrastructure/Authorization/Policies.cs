using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace GrantPortal.Web.Infrastructure.Authorization;

// Named policies: a role plus, where the role acts for a unit, membership of a unit.
// The fallback policy refuses anonymous users everywhere not explicitly marked anonymous.
public static class Policies
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string Applicant = nameof(Applicant);
    public const string LeadUnitAdmin = nameof(LeadUnitAdmin);
    public const string RecommenderOfficer = nameof(RecommenderOfficer);
    public const string ExchangeCenterStaff = nameof(ExchangeCenterStaff);
    public const string Expert = nameof(Expert);
    // Reading a registry record: the platform admin, or a member of a unit (the handler then
    // narrows the record to the user's own unit, resource-based).
    public const string RegistryReader = nameof(RegistryReader);
    // Any signed-in user or API client (reading public data such as calls through the API).
    public const string Authenticated = nameof(Authenticated);

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.PlatformAdmin));
        options.AddPolicy(Applicant, p => p.RequireAuthenticatedUser().RequireRole(Roles.Applicant).RequireClaim(AppClaims.UnitId));
        options.AddPolicy(LeadUnitAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.LeadUnitAdmin).RequireClaim(AppClaims.UnitId));
        options.AddPolicy(RecommenderOfficer, p => p.RequireAuthenticatedUser().RequireRole(Roles.RecommenderOfficer).RequireClaim(AppClaims.UnitId));
        options.AddPolicy(ExchangeCenterStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.ExchangeCenterStaff));
        options.AddPolicy(Expert, p => p.RequireAuthenticatedUser().RequireRole(Roles.Expert));
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        options.AddPolicy(RegistryReader, p => p.RequireAuthenticatedUser().RequireAssertion(ctx =>
            ctx.User.IsInRole(Roles.PlatformAdmin) || ctx.User.HasClaim(c => c.Type == AppClaims.UnitId)));
    }
}
