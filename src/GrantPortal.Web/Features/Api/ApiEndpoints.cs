using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace GrantPortal.Web.Features.Api;

// /api/v1 accepts bearer tokens issued by the platform's OpenID Connect server and applies the
// same named policies as the pages. Each feature adds its endpoints here.
public static class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme });
        api.MapGet("/me", (HttpContext http) => Results.Ok(new
        {
            subject = http.User.FindFirst("sub")?.Value,
            name = http.User.Identity?.Name,
            roles = http.User.FindAll("role").Select(c => c.Value).ToArray(),
            unitId = http.User.FindFirst(AppClaims.UnitId)?.Value,
        })).WithName("GetMe").WithSummary("Who the bearer token belongs to");
        Admin.ApiClients.ApiClientsEndpoints.Map(api);
        Registries.RegistryEndpoints.Map(api);
        Calls.CallsApi.Map(api);
        Admin.Audit.AuditEndpoint.Map(api);
        Admin.Users.UsersEndpoints.Map(api);
        PreProposals.Attachments.AttachmentsEndpoints.Map(api);
        PreProposals.Print.PrintEndpoint.Map(api);
        PreProposals.Submit.SubmissionApi.Map(api);
        PreProposals.Edit.DraftApi.Map(api);
        OngoingProjects.OngoingProjectsApi.Map(api);
        Eligibility.EligibilityEndpoint.Map(api);
        Eligibility.Check.CheckEligibilityEndpoint.Map(api);
        Recommender.RecommenderApi.Map(api);
        ExchangeCenter.Recommendations.RecommendationsEndpoint.Map(api);
    }
}
