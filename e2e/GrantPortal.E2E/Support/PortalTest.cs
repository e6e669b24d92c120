using Microsoft.Playwright;

namespace GrantPortal.E2E.Support;

// Base of every journey: pages come from fresh browser contexts that are closed after the test.
[Collection(PortalFixture.Collection)]
public abstract class PortalTest(PortalFixture portal) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    protected PortalFixture Portal => portal;

    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var page = await portal.NewPageAsync(width, height);
        contexts.Add(page.Context);
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
    }
}
