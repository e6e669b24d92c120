using System.Net;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Platform;

public sealed class PlatformTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Migrations_FromEmptyDatabase_AreAllApplied()
    {
        var (applied, pending) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), (await db.Database.GetPendingMigrationsAsync()).ToList()));
        Assert.NotEmpty(applied);
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Seeding_Twice_CreatesNothingTwice()
    {
        var before = await Counts();
        await using var scope = app.Services.CreateAsyncScope();
        var created = await Seeder.SeedAsync(scope.ServiceProvider, demoUsers: true, Seeder.DefaultDemoPassword, CancellationToken.None);
        Assert.Equal(0, created);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Seed_Holds2018CallAsPublished()
    {
        var call = await app.WithDbAsync(db => db.Calls.Include(c => c.Directions).SingleAsync(c => c.Code == SeedCalls.Code2018));
        Assert.Equal(new DateOnly(2018, 11, 23), call.GuidePublishedOn);
        Assert.Equal(new DateTimeOffset(2018, 12, 5, 0, 0, 0, TimeSpan.Zero), call.PreWindowOpens);
        Assert.Equal(new DateTimeOffset(2019, 1, 14, 8, 0, 0, TimeSpan.Zero), call.PreWindowCloses);
        Assert.Equal(new DateTimeOffset(2019, 1, 16, 16, 0, 0, TimeSpan.Zero), call.RecommenderDeadline);
        Assert.Equal(3000, call.NarrativeLimit);
        Assert.Equal(new DateOnly(1958, 1, 1), call.PiBornOnOrAfter);
        Assert.Equal(new DateOnly(1953, 1, 1), call.ForeignLeadBornOnOrAfter);
        Assert.Equal(new DateOnly(2017, 9, 30), call.UnitRegistrationCutoff);
        Assert.Equal(new DateOnly(2019, 6, 30), call.OngoingCutoff);
        Assert.True(call.Directions.Count >= 3);
        Assert.All(call.Directions, d => Assert.True(d.Slots > 0 && d.IsExample));
    }

    [Fact]
    public async Task Seed_DemoCallIsOpenToday_WithThe2018RuleParameters()
    {
        var (demo, y2018) = await app.WithDbAsync(async db =>
            (await db.Calls.SingleAsync(c => c.Code == SeedCalls.CodeDemo), await db.Calls.SingleAsync(c => c.Code == SeedCalls.Code2018)));
        Assert.True(demo.IsPreWindowOpen(app.Clock.GetUtcNow()));
        Assert.False(y2018.IsPreWindowOpen(app.Clock.GetUtcNow()));
        Assert.Equal(y2018.NarrativeLimit, demo.NarrativeLimit);
        Assert.Equal(y2018.PiBornOnOrAfter, demo.PiBornOnOrAfter);
        Assert.Equal(y2018.RuleIds, demo.RuleIds);
    }

    [Fact]
    public async Task Health_ReportsDatabaseBlobStoreAndOutbox()
    {
        var response = await app.CreateClient().GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\"", body);
        Assert.Contains("\"blobs\"", body);
        Assert.Contains("\"mail-outbox\"", body);
        Assert.Contains("\"status\":\"Healthy\"", body);
    }

    [Fact]
    public async Task OpenApiDocumentAndReference_AreServed()
    {
        var client = app.CreateClient();
        var doc = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        Assert.Contains("/api/v1/", await doc.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Theory]
    [InlineData("/Admin")]
    [InlineData("/Applicant")]
    [InlineData("/LeadUnit")]
    [InlineData("/Recommender")]
    [InlineData("/ExchangeCenter")]
    [InlineData("/Expert")]
    [InlineData("/Registries/Units")]
    public async Task ProtectedPage_Anonymous_IsSentToSignIn(string path)
    {
        var response = await app.CreateBrowser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Api_WithoutToken_Is401()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<(int Calls, int Units, int People, int Users, int Roles)> Counts() => app.WithDbAsync(async db =>
        (await db.Calls.CountAsync(), await db.Units.CountAsync(), await db.People.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync()));
}
