using GrantPortal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features;

// Anonymous landing page; a signed-in user goes straight to the home page of its role.
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(HomeOf(User)) : Page();

    public static string HomeOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.PlatformAdmin) ? "/Admin"
        : user.IsInRole(Roles.ExchangeCenterStaff) ? "/ExchangeCenter"
        : user.IsInRole(Roles.RecommenderOfficer) ? "/Recommender"
        : user.IsInRole(Roles.LeadUnitAdmin) ? "/LeadUnit"
        : user.IsInRole(Roles.Expert) ? "/Expert"
        : user.IsInRole(Roles.Applicant) ? "/Applicant"
        : "/Calls";
}
