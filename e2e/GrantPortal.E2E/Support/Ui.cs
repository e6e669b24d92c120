using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Seed;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Support;

// What every journey does on every page: no untranslated catalog key, no failed request for
// the page's own resources (a missing stylesheet or script), a full-page screenshot.
public static partial class Ui
{
    private static readonly ConditionalWeakTable<IPage, List<string>> FailedRequests = [];

    // Records any response of our own server that failed (4xx/5xx), e.g. a missing stylesheet.
    public static void WatchRequests(IPage page, string baseUrl)
    {
        var failed = FailedRequests.GetOrCreateValue(page);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Url.StartsWith(baseUrl, StringComparison.Ordinal) && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                lock (failed) failed.Add($"{response.Status} {response.Url}");
            }
        };
    }

    public static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(E2EEnvironment.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(E2EEnvironment.ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    // A missing catalog code renders as [[Code]]: on any visible text (or the title) it is a bug.
    public static async Task AssertNoUntranslatedKeys(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync() + "\n" + await page.TitleAsync();
        var keys = UntranslatedKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0 && !text.Contains("[[", StringComparison.Ordinal),
            $"Untranslated catalog keys on {page.Url}: {string.Join(", ", keys)}");
    }

    public static void AssertNoFailedRequests(IPage page)
    {
        var failed = FailedRequests.GetOrCreateValue(page);
        lock (failed)
        {
            Assert.True(failed.Count == 0, $"Failed requests while on {page.Url}: {string.Join("; ", failed)}");
        }
    }

    // The checks for a page just visited, then its screenshot named "<test>-<step>".
    public static async Task Visited(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await AssertNoUntranslatedKeys(page);
        AssertNoFailedRequests(page);
        await Screenshot(page, name);
    }

    public static async Task SignInAsync(IPage page, string email, string screenshotName, string password = Seeder.DefaultDemoPassword)
    {
        await page.GotoAsync("/Accounts/Login");
        await Visited(page, screenshotName + "-login");
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.Locator("#sign-out")).ToHaveCountAsync(1);
    }

    public static async Task SignOutAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#sign-out").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/Accounts/Logout");
        if (response.Status != 302)
        {
            Assert.Fail($"Signing out (POST /Accounts/Logout) answered {response.Status}");
        }
        await Expect(page.Locator("#sign-out")).ToHaveCountAsync(0);
    }

    // Clicks the language switch and waits until the page comes back in the other language.
    public static async Task SwitchLanguageAsync(IPage page, string to)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#language-switch").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/culture");
        if (response.Status != 302)
        {
            Assert.Fail($"The language switch (POST /culture) answered {response.Status}: {await response.TextAsync()}");
        }
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", to);
    }

    public static Task ExpectLanguage(IPage page, string lang) => Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);

    [GeneratedRegex(@"\[\[[^\]]*\]\]")]
    private static partial Regex UntranslatedKey();
}
