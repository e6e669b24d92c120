using GrantPortal.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

public sealed class AccessibilityTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task PhoneViewport_Home_NavbarTogglerOpensTheMenu()
    {
        var page = await NewPageAsync(390, 844);
        await page.GotoAsync("/");
        var menu = page.Locator("#mainNav");
        var toggler = page.Locator("button.navbar-toggler");
        await Expect(toggler).ToBeVisibleAsync();
        await Expect(menu).ToBeHiddenAsync();
        // The page fits the phone: nothing wider than the viewport.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The home page scrolls sideways on a phone.");
        await Ui.Visited(page, "phone-01-home-closed");

        await toggler.ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#language-switch")).ToBeVisibleAsync();
        await Expect(menu.Locator("a[href='/Calls']")).ToBeVisibleAsync();
        // Let Bootstrap's collapse transition finish before the screenshot.
        await Expect(page.Locator("#mainNav.collapsing")).ToHaveCountAsync(0);
        await Ui.Visited(page, "phone-02-home-menu-open");

        await toggler.ClickAsync();
        await Expect(menu).ToBeHiddenAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task Keyboard_FirstTabFocusesSkipLink_EnterMovesFocusToMain()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a[href='#main']");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("跳到正文");
        await Expect(skip).ToBeVisibleAsync();
        await Ui.Visited(page, "keyboard-01-skip-link-focused");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        await Ui.Visited(page, "keyboard-02-main-focused");
    }
}
