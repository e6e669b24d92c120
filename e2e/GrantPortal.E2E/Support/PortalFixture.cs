using GrantPortal.Web.Infrastructure.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GrantPortal.E2E.Support;

// Assembly-wide: one app, one database, one Playwright and one Chromium for every e2e test;
// each test gets its own browser context (cookies, culture) through NewPageAsync.
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Collection = "Portal";

    private readonly PortalServer server = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string BaseUrl => server.BaseUrl;

    // The app's services, for test data a journey starts from (TestData).
    public IServiceProvider Services => server.Services;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        await server.CreateDatabaseAsync();
        server.StartServer();
        var code = await Seeder.MigrateAndSeedAsync(server.Services, server.Services.GetRequiredService<IConfiguration>(), TextWriter.Null, CancellationToken.None);
        if (code != 0) throw new InvalidOperationException($"Migrate and seed failed with {code}");

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = E2EEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    // A fresh context (no cookies) reading Chinese, with short timeouts so a broken page fails fast.
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        var page = await context.NewPageAsync();
        Ui.WatchRequests(page, BaseUrl);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        await server.DisposeAsync();
        await server.DropDatabaseAsync();
        await server.DeleteContainerAsync();
    }
}

[CollectionDefinition(PortalFixture.Collection)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>;
