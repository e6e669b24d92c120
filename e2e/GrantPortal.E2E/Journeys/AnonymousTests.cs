using System.Text.RegularExpressions;
using GrantPortal.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

public sealed class AnonymousTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task HomeAndCalls_RenderInBothLanguages_With2018WindowInBeijingTime()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/");
        await Ui.ExpectLanguage(page, "zh-CN");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("国家重点研发计划项目申报与评审平台");
        await Ui.Visited(page, "anonymous-01-home-zh");

        await page.GotoAsync("/Calls");
        await Ui.ExpectLanguage(page, "zh-CN");
        await Expect(Call2018(page, "2018年度项目申报指南")).ToContainTextAsync(Window("北京时间"));
        await Ui.Visited(page, "anonymous-02-calls-zh");

        await Ui.SwitchLanguageAsync(page, "en");
        Assert.Equal(Portal.BaseUrl + "/Calls", page.Url);
        await Expect(Call2018(page, "2018 call for proposals")).ToContainTextAsync(Window("Beijing time"));
        await Ui.Visited(page, "anonymous-03-calls-en");

        await page.GotoAsync("/");
        await Ui.ExpectLanguage(page, "en");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("National Key R&D Programme: submission and review");
        await Ui.Visited(page, "anonymous-04-home-en");
    }

    // The card of the 2018 call, found by its title in the page's language.
    private static ILocator Call2018(IPage page, string title) =>
        page.Locator("main section.card").Filter(new LocatorFilterOptions { Has = page.Locator("h2", new PageLocatorOptions { HasText = title }) });

    // 2018-12-05 08:00 – 2019-01-14 16:00, Beijing time, zone named on both ends.
    private static Regex Window(string zone)
    {
        var z = Regex.Escape($" ({zone}, UTC+8)");
        return new Regex("2018-12-05 08:00" + z + " – 2019-01-14 16:00" + z);
    }
}
