namespace GrantPortal.E2E.Support;

// The demo users of Seeder.DemoUsers with the home page each lands on.
public static class DemoRoles
{
    public sealed record DemoRole(string Email, string HomePath, string DataRole);

    public static readonly DemoRole Admin = new("admin@demo.grantportal.test", "/Admin", "Admin");
    public static readonly DemoRole Applicant = new("pi@demo.grantportal.test", "/Applicant", "Applicant");
    public static readonly DemoRole LeadUnit = new("lead@demo.grantportal.test", "/LeadUnit", "LeadUnit");
    public static readonly DemoRole Recommender = new("recommender@demo.grantportal.test", "/Recommender", "Recommender");
    public static readonly DemoRole ExchangeCenter = new("staff@demo.grantportal.test", "/ExchangeCenter", "ExchangeCenter");
    public static readonly DemoRole Expert = new("expert@demo.grantportal.test", "/Expert", "Expert");

    public static readonly IReadOnlyDictionary<string, DemoRole> ByName = new Dictionary<string, DemoRole>
    {
        ["admin"] = Admin,
        ["pi"] = Applicant,
        ["lead"] = LeadUnit,
        ["recommender"] = Recommender,
        ["staff"] = ExchangeCenter,
        ["expert"] = Expert,
    };
}
