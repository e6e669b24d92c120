using System.Text.RegularExpressions;
using GrantPortal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

public sealed partial class NewcomerTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Password = "Newcomer-2026-e2e";

    [Fact]
    public async Task Newcomer_Registers_ConfirmsByMail_SignsIn_LandsOnApplicantHome()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@e2e.grantportal.test";
        var page = await NewPageAsync();

        await page.GotoAsync("/Accounts/Register");
        await Ui.ExpectLanguage(page, "zh-CN");
        await Ui.Visited(page, "newcomer-01-register");
        await page.Locator("input[name=DisplayName]").FillAsync("王芳");
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(Password);
        await page.Locator("input[name=ConfirmPassword]").FillAsync(Password);
        var unit = page.Locator("select[name=UnitId]");
        var firstUnit = await unit.EvaluateAsync<string?>("s => [...s.options].map(o => o.value).find(v => v !== '') ?? null");
        Assert.False(string.IsNullOrEmpty(firstUnit), "The unit list offers no unit.");
        await unit.SelectOptionAsync(firstUnit!);
        await Ui.Screenshot(page, "newcomer-02-register-filled");
        await page.Locator("#register-submit").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(Portal.BaseUrl + "/Accounts/Register");
        await Ui.Visited(page, "newcomer-03-registered");

        // Not confirmed yet: signing in is refused.
        await page.GotoAsync("/Accounts/Login");
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.Locator("#login-error")).ToHaveAttributeAsync("data-code", "Login.NotConfirmed");
        await Ui.Visited(page, "newcomer-04-not-confirmed");

        // The confirmation mail links to this server.
        var mail = await Mailbox.WaitForAsync(email, TimeSpan.FromSeconds(20));
        var link = Link().Matches(mail.Text).Select(m => m.Value.TrimEnd('.', ',', ')', '>', '。'))
            .FirstOrDefault(l => l.StartsWith(Portal.BaseUrl + "/", StringComparison.Ordinal));
        Assert.True(link is not null, $"The confirmation mail has no link to {Portal.BaseUrl}: {mail.Text}");
        var confirmed = await page.GotoAsync(link!);
        Assert.True(confirmed is { Ok: true }, $"Opening the confirmation link answered {confirmed?.Status}");
        await Ui.Visited(page, "newcomer-05-confirmed");

        await Ui.SignInAsync(page, email, "newcomer-06", Password);
        Assert.Equal(Portal.BaseUrl + "/Applicant", page.Url);
        await Expect(page.Locator("#home-title")).ToHaveAttributeAsync("data-role", "Applicant");
        await Ui.ExpectLanguage(page, "zh-CN");
        await Ui.Visited(page, "newcomer-07-applicant-home");
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Link();
}
