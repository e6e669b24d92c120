namespace GrantPortal.Web.Infrastructure.Identity;

// The roles of DOMAIN.md "Actors".
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string LeadUnitAdmin = "LeadUnitAdmin";
    public const string RecommenderOfficer = "RecommenderOfficer";
    public const string ExchangeCenterStaff = "ExchangeCenterStaff";
    public const string Expert = "Expert";
    public const string PlatformAdmin = "PlatformAdmin";

    public static readonly IReadOnlyList<string> All =
        [Applicant, LeadUnitAdmin, RecommenderOfficer, ExchangeCenterStaff, Expert, PlatformAdmin];

    // Roles whose users act for a unit and must be attached to one.
    public static bool NeedsUnit(string role) => role is Applicant or LeadUnitAdmin or RecommenderOfficer or ExchangeCenterStaff;
}

public static class AppClaims
{
    public const string UnitId = "unit_id";
    public const string DisplayName = "display_name";
}
