using System.Net;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.Web.Tests.Accounts.AccountTestKit;

namespace GrantPortal.Web.Tests.Accounts;

public sealed class RegistrationTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Register_CreatesUnconfirmedApplicant_OfTheUnit_WithConfirmationMailInOutbox()
    {
        var email = UniqueEmail("reg");
        var unit = await app.UnitIdAsync(SeedRegistry.InstituteCode);

        var posted = await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(email, unit.Value));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.False(user.EmailConfirmed);
        Assert.Equal(unit, user.UnitId);
        Assert.Equal([Roles.Applicant], await users.GetRolesAsync(user));
        var mails = await app.WithDbAsync(db => db.Outbox.Where(m => m.ToAddress == email).ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Contains("http://localhost/Accounts/ConfirmEmail?userId=" + user.Id + "&code=", mail.TextBody);
    }

    [Fact]
    public async Task Register_InEnglish_WritesTheMailInEnglish()
    {
        var email = UniqueEmail("reg-en");
        var unit = await app.UnitIdAsync(SeedRegistry.EnterpriseCode);

        var posted = await app.CreateBrowser().PostFormAsync("/Accounts/Register?culture=en", Registration(email, unit.Value));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var mail = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.ToAddress == email));
        Assert.Equal("Confirm your e-mail address · GrantPortal", mail.Subject);
    }

    [Fact]
    public async Task Register_Unconfirmed_CannotSignIn_ShowsNotConfirmed()
    {
        var email = UniqueEmail("unconfirmed");
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(email, unit.Value));

        var response = await app.CreateBrowser().LoginAsync(email, GoodPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Login.NotConfirmed", LoginErrorCode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Register_WithTakenEmail_ShowsEmailTaken_AndKeepsInput()
    {
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);

        var response = await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(DemoUsers.Applicant, unit.Value, name: "重名 测试"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Account.EmailTaken"], FieldCodes(html, "Email"));
        Assert.Contains("value=\"重名 测试\"", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains($"value=\"{DemoUsers.Applicant}\"", html);
        Assert.Contains($"value=\"{unit}\" selected=\"selected\"", html);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == DemoUsers.Applicant)));
    }

    [Fact]
    public async Task Register_WithMismatchedPasswords_ShowsPasswordsDiffer_AndCreatesNothing()
    {
        var email = UniqueEmail("mismatch");
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);

        var response = await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(email, unit.Value, confirm: "Something-Else-99"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(["Account.PasswordsDiffer"], FieldCodes(html, "ConfirmPassword"));
        Assert.Contains($"value=\"{email}\"", html);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == email)));
    }

    [Fact]
    public async Task Register_WithWeakPassword_ShowsPasswordCodes()
    {
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);

        var response = await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(UniqueEmail("weak"), unit.Value, password: "short"));
        var codes = FieldCodes(await response.Content.ReadAsStringAsync(), "Password");

        Assert.Contains("Account.PasswordTooShort", codes);
        Assert.Contains("Identity.PasswordRequiresUpper", codes);
    }

    [Fact]
    public async Task Register_WithoutUnit_ShowsUnitRequired()
    {
        var fields = Registration(UniqueEmail("nounit"), Guid.Empty);
        fields["UnitId"] = "";

        var response = await app.CreateBrowser().PostFormAsync("/Accounts/Register", fields);

        Assert.Equal(["Account.UnitRequired"], FieldCodes(await response.Content.ReadAsStringAsync(), "UnitId"));
    }

    [Theory]
    [InlineData(nameof(SeedRegistry.ProvinceCode))]
    [InlineData(nameof(SeedRegistry.StateOrganCode))]
    [InlineData(nameof(SeedRegistry.ExchangeCenterCode))]
    public async Task Register_WithUnitThatCannotLead_ShowsUnitNotEligible(string codeName)
    {
        var code = (string)typeof(SeedRegistry).GetField(codeName)!.GetValue(null)!;
        var unit = await app.UnitIdAsync(code);

        var response = await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(UniqueEmail("notlead"), unit.Value));

        Assert.Equal(["Account.UnitNotEligible"], FieldCodes(await response.Content.ReadAsStringAsync(), "UnitId"));
    }

    [Fact]
    public async Task RegisterPage_ListsOnlyLeadCapableUnits()
    {
        var html = await (await app.CreateBrowser().GetAsync("/Accounts/Register")).Content.ReadAsStringAsync();

        Assert.Contains((await app.UnitIdAsync(SeedRegistry.UniversityCode)).ToString(), html);
        Assert.Contains((await app.UnitIdAsync(SeedRegistry.EnterpriseCode)).ToString(), html);
        Assert.DoesNotContain((await app.UnitIdAsync(SeedRegistry.ProvinceCode)).ToString(), html);
        Assert.DoesNotContain((await app.UnitIdAsync(SeedRegistry.StateOrganCode)).ToString(), html);
        Assert.Contains("id=\"register-submit\"", html);
    }

    [Theory]
    [InlineData("?userId=00000000-0000-0000-0000-000000000000&code=bm90LWEtdG9rZW4")]
    [InlineData("?userId=nonsense&code=%%%")]
    [InlineData("")]
    public async Task ConfirmEmail_WithBadLink_ShowsLinkInvalid_AndResendForm(string query)
    {
        var response = await app.CreateBrowser().GetAsync("/Accounts/ConfirmEmail" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-code=\"Account.LinkInvalid\"", html);
        Assert.Contains("id=\"resend-form\"", html);
    }

    [Fact]
    public async Task ConfirmEmail_WithTamperedCode_DoesNotConfirm()
    {
        var email = UniqueEmail("tamper");
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(email, unit.Value));
        var mail = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.ToAddress == email));
        var link = Link(mail.TextBody, "ConfirmEmail");

        var html = await (await app.CreateBrowser().GetAsync(link[..^4] + "AAAA")).Content.ReadAsStringAsync();

        Assert.Contains("data-code=\"Account.LinkInvalid\"", html);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task ResendConfirmation_AnswersTheSame_ForKnownAndUnknownAddresses()
    {
        var email = UniqueEmail("resend");
        var unknown = UniqueEmail("nobody");
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        await app.CreateBrowser().PostFormAsync("/Accounts/Register", Registration(email, unit.Value));

        var known = await app.CreateBrowser().PostFormAsync("/Accounts/RegisterConfirmation", new Dictionary<string, string> { ["Email"] = email });
        var other = await app.CreateBrowser().PostFormAsync("/Accounts/RegisterConfirmation", new Dictionary<string, string> { ["Email"] = unknown });

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("id=\"resend-done\"", await known.Content.ReadAsStringAsync());
        Assert.Contains("id=\"resend-done\"", await other.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == email)));
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == unknown)));
    }

    [Fact]
    public async Task ForgotPassword_AnswersTheSame_ForKnownAndUnknownAddresses()
    {
        var unknown = UniqueEmail("nobody");

        var known = await app.CreateBrowser().PostFormAsync("/Accounts/ForgotPassword", new Dictionary<string, string> { ["Email"] = DemoUsers.Expert });
        var other = await app.CreateBrowser().PostFormAsync("/Accounts/ForgotPassword", new Dictionary<string, string> { ["Email"] = unknown });

        Assert.Contains("id=\"forgot-sent\"", await known.Content.ReadAsStringAsync());
        Assert.Contains("id=\"forgot-sent\"", await other.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == DemoUsers.Expert)));
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == unknown)));
    }

    [Theory]
    [InlineData("/Accounts/Register", "zh-CN")]
    [InlineData("/Accounts/Register", "en")]
    [InlineData("/Accounts/RegisterConfirmation", "en")]
    [InlineData("/Accounts/ConfirmEmail", "en")]
    [InlineData("/Accounts/ForgotPassword", "zh-CN")]
    [InlineData("/Accounts/ForgotPassword", "en")]
    [InlineData("/Accounts/ResetPassword", "en")]
    [InlineData("/Accounts/Login", "en")]
    public async Task AccountPage_IsOpenAnonymously_WithEveryText(string path, string culture)
    {
        var response = await app.CreateBrowser().GetAsync(path + "?culture=" + culture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("[[", await response.Content.ReadAsStringAsync());
    }
}
