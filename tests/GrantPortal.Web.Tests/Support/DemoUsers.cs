namespace GrantPortal.Web.Tests.Support;

public static class DemoUsers
{
    public const string Admin = "admin@demo.grantportal.test";
    public const string Applicant = "pi@demo.grantportal.test";
    public const string OtherApplicant = "pi2@demo.grantportal.test";
    public const string LeadUnitAdmin = "lead@demo.grantportal.test";
    public const string Recommender = "recommender@demo.grantportal.test";
    public const string Staff = "staff@demo.grantportal.test";
    public const string Expert = "expert@demo.grantportal.test";
}
