using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Submission;

// PRE-WINDOW by the server clock in Beijing time: the closing minute is already too late, and a
// refused submission loses nothing.
public sealed class SubmitWindowTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    // A window ahead of the fake clock (which only moves forward): opens at 09:00 Beijing time in two
    // days, closes at 16:00 on its closing day; then the clock is moved to the instant under test.
    private async Task<(PreProposal Proposal, HttpClient Lead, DateTimeOffset Opens, DateTimeOffset Closes)> ArrangeAsync(Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> at)
    {
        var today = BeijingTime.Today(app.Clock.GetUtcNow());
        var opens = BeijingTime.At(today.AddDays(2), new TimeOnly(9, 0));
        var closes = BeijingTime.At(today.AddDays(20), new TimeOnly(16, 0));
        await app.SetWindowAsync(opens, closes);
        app.Clock.SetUtcNow(at(opens, closes));
        var p = await app.CompleteAsync();
        return (p, await app.UserApiAsync(DemoUsers.LeadUnitAdmin), opens, closes);
    }

    private static string Minute(DateTimeOffset instant) =>
        BeijingTime.ToBeijing(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Submit_At155959OnTheClosingDay_IsAccepted()
    {
        var (p, lead, _, closes) = await ArrangeAsync((_, closes) => closes.AddSeconds(-1));
        Assert.Equal(new TimeOnly(15, 59, 59), TimeOnly.FromTimeSpan(BeijingTime.ToBeijing(closes.AddSeconds(-1)).TimeOfDay));

        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.ReloadAsync(p.Id);
        Assert.Equal(ApplicationState.Submitted, stored.State);
        Assert.Equal(closes.AddSeconds(-1), stored.SubmittedAt);
    }

    [Fact]
    public async Task Submit_At160000OnTheClosingDay_IsRefusedAndNothingIsLost()
    {
        var (p, lead, _, _) = await ArrangeAsync((_, closes) => closes);

        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["PRE-WINDOW-CLOSED"], await response.ErrorCodesAsync());
        var stored = await app.ReloadAsync(p.Id);
        Assert.Equal(ApplicationState.Complete, stored.State);
        Assert.Equal(p.Objectives, stored.Objectives);
        Assert.Null(stored.SubmissionNumber);
        Assert.Empty(stored.Transitions);
    }

    [Fact]
    public async Task Submit_BeforeTheOpeningMinute_IsRefusedWithPreWindow()
    {
        var (p, lead, _, _) = await ArrangeAsync((opens, _) => opens.AddSeconds(-1));

        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.Equal(["PRE-WINDOW"], await response.ErrorCodesAsync());
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task SubmitPage_AfterClosing_SaysWhenItClosedAndRefusesWithPreWindow()
    {
        var (p, _, _, closes) = await ArrangeAsync((_, closes) => closes.AddMinutes(5));
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var page = await (await lead.GetAsync($"/PreProposals/Submit/{p.Id}")).HtmlAsync();
        var response = await lead.PostFormAsync($"/PreProposals/Submit/{p.Id}", new Dictionary<string, string>
        {
            ["RecommendingUnitId"] = (await app.RecommenderUnitAsync()).ToString(),
            ["UnitIntegrityConfirmed"] = "true",
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
        });

        Assert.Contains("data-open=\"false\"", page);
        Assert.Contains(Minute(closes), page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["PRE-WINDOW-CLOSED"], SubmissionKit.DataCodes(await response.HtmlAsync()));
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task SubmitPage_BeforeOpening_SaysWhenTheWindowOpens()
    {
        var (p, _, opens, _) = await ArrangeAsync((opens, _) => opens.AddDays(-1));
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var page = await (await lead.GetAsync($"/PreProposals/Submit/{p.Id}")).HtmlAsync();

        Assert.Contains(Minute(opens), page);
        Assert.Contains("data-open=\"false\"", page);
        Assert.DoesNotContain("[[", page);
    }

    [Fact]
    public async Task SubmitPage_WithoutUnitOrConfirmation_ReportsBothBesideTheFields()
    {
        var (p, _, _, _) = await ArrangeAsync((opens, _) => opens.AddDays(1));
        var lead = await app.SignedInAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.PostFormAsync($"/PreProposals/Submit/{p.Id}", new Dictionary<string, string>
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
        });

        var html = await response.HtmlAsync();
        Assert.Contains("id=\"RecommendingUnitId-error\"", html);
        Assert.Contains("id=\"UnitIntegrityConfirmed-error\"", html);
        Assert.Contains("DOC-INTEGRITY-UNIT-CONFIRM", SubmissionKit.DataCodes(html));
        Assert.Contains("Submission.RecommenderRequired", SubmissionKit.DataCodes(html));
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Submit_ToAUnitThatIsNotRecommending_IsRefused()
    {
        var (p, lead, _, _) = await ArrangeAsync((opens, _) => opens.AddDays(1));

        var response = await lead.SubmitAsync(p.Id, await app.UnitIdAsync(GrantPortal.Web.Infrastructure.Seed.SeedRegistry.SecondUniversityCode));

        Assert.Equal(["Submission.RecommenderInvalid"], await response.ErrorCodesAsync());
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(p.Id)).State);
    }

    [Fact]
    public async Task Submit_ADraft_IsAStateConflict()
    {
        await app.OpenWindowAsync();
        var draft = await app.DraftAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var response = await lead.SubmitAsync(draft.Id, await app.RecommenderUnitAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["APP-STATE"], await response.ErrorCodesAsync());
    }
}
