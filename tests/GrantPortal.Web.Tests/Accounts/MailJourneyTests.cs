using System.Net;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.Web.Tests.Accounts.AccountTestKit;

namespace GrantPortal.Web.Tests.Accounts;

// The account journeys end to end: the outbox worker delivers over SMTP to the real mail catcher,
// the test follows the link of the mail as the person would.
public sealed class MailJourneyTests(GrantPortalWithMailFactory app) : IClassFixture<GrantPortalWithMailFactory>
{
    [Fact]
    public async Task Register_ConfirmationMailArrives_LinkConfirms_ThenSignInSucceeds()
    {
        var email = UniqueEmail("register");
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        var browser = app.CreateBrowser();

        var posted = await browser.PostFormAsync("/Accounts/Register", Registration(email, unit.Value));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/Accounts/RegisterConfirmation", posted.Headers.Location?.OriginalString);

        var mail = await app.MailAsync(email);
        var confirm = await browser.GetAsync(Link(mail.Text, "ConfirmEmail"));
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("id=\"confirm-done\"", html);

        var signIn = await app.CreateBrowser().LoginAsync(email, GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ForgotPassword_ResetLinkSetsNewPassword_OldPasswordStopsWorking()
    {
        var email = UniqueEmail("forgot");
        await app.ConfirmedUserAsync(email);
        const string newPassword = "Brand-New-Pass-77";

        var asked = await app.CreateBrowser().PostFormAsync("/Accounts/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("id=\"forgot-sent\"", await asked.Content.ReadAsStringAsync());

        var mail = await app.MailAsync(email);
        var link = Link(mail.Text, "ResetPassword");
        var browser = app.CreateBrowser();
        var reset = await browser.PostFormAsync(link,
            new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword });
        var html = await reset.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reset-done\"", html);

        Assert.Equal(HttpStatusCode.OK, await app.SignInStatusAsync(email, GoodPassword));
        Assert.Equal(HttpStatusCode.Redirect, await app.SignInStatusAsync(email, newPassword));
    }

    [Fact]
    public async Task AdminCreatesRecommenderOfficer_UserGetsMail_SetsPassword_AndActsAsRecommender()
    {
        var email = UniqueEmail("officer");
        var province = await app.UnitIdAsync(SeedRegistry.ProvinceCode);
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var created = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "推荐 专员", ["Roles"] = Roles.RecommenderOfficer, ["UnitId"] = province.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var mail = await app.MailAsync(email);
        var link = Link(mail.Text, "ResetPassword");
        var reset = await app.CreateBrowser().PostFormAsync(link,
            new Dictionary<string, string> { ["Password"] = GoodPassword, ["ConfirmPassword"] = GoodPassword });
        Assert.Contains("id=\"reset-done\"", await reset.Content.ReadAsStringAsync());

        var officer = await app.SignedInWithAsync(email, GoodPassword);
        var home = await officer.GetAsync("/");
        Assert.Equal("/Recommender", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Recommender")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(user.EmailConfirmed);
        Assert.Equal(province, user.UnitId);
        Assert.Equal([Roles.RecommenderOfficer], await users.GetRolesAsync(user));
    }
}
