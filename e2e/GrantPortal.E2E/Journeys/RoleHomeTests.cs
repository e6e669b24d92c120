using GrantPortal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

public sealed class RoleHomeTests(PortalFixture portal) : PortalTest(portal)
{
    [Theory]
    [InlineData("admin")]
    [InlineData("pi")]
    [InlineData("lead")]
    [InlineData("recommender")]
    [InlineData("staff")]
    [InlineData("expert")]
    public async Task DemoUser_SignsInInChinese_LandsOnOwnHome_AndEnglishIsRemembered(string who)
    {
        var role = DemoRoles.ByName[who];
        var shot = "role-" + who;
        var page = await NewPageAsync();

        // Chinese first.
        await Ui.SignInAsync(page, role.Email, shot + "-01");
        Assert.Equal(Portal.BaseUrl + role.HomePath, page.Url);
        await Expect(page.Locator("#home-title")).ToHaveAttributeAsync("data-role", role.DataRole);
        await Ui.ExpectLanguage(page, "zh-CN");
        await Ui.Visited(page, shot + "-02-home-zh");

        // The switch turns the same page into English.
        await Ui.SwitchLanguageAsync(page, "en");
        Assert.Equal(Portal.BaseUrl + role.HomePath, page.Url);
        await Expect(page.Locator("#home-title")).ToHaveAttributeAsync("data-role", role.DataRole);
        await Expect(page.Locator("#language-switch")).ToHaveTextAsync("中文");
        await Ui.Visited(page, shot + "-03-home-en");

        // Remembered on another page ...
        await page.GotoAsync("/Calls");
        await Ui.ExpectLanguage(page, "en");
        await Ui.Visited(page, shot + "-04-calls-en");

        // ... and across sign-out and sign-in.
        await Ui.SignOutAsync(page);
        await Ui.ExpectLanguage(page, "en");
        await Ui.Visited(page, shot + "-05-signed-out-en");
        await Ui.SignInAsync(page, role.Email, shot + "-06");
        Assert.Equal(Portal.BaseUrl + role.HomePath, page.Url);
        await Expect(page.Locator("#home-title")).ToHaveAttributeAsync("data-role", role.DataRole);
        await Ui.ExpectLanguage(page, "en");
        await Ui.Visited(page, shot + "-07-home-en-again");
    }
}
