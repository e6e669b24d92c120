using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Submission;

// Exactly one submission for a double click, two tabs or a retried request.
public sealed class SubmitOnceTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task TwoSimultaneousApiSubmits_GiveOneSubmissionAndBothAnswersCarryIt()
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync();
        var unit = await app.RecommenderUnitAsync();
        var first = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var second = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var responses = await Task.WhenAll(first.SubmitAsync(p.Id, unit), second.SubmitAsync(p.Id, unit));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionNumber").GetString()));
        Assert.Single(numbers.Distinct());
        var transitions = await app.TransitionsAsync(p.Id);
        Assert.Single(transitions, t => t.To == ApplicationState.Submitted);
        Assert.Equal(numbers[0], (await app.ReloadAsync(p.Id)).SubmissionNumber);
    }

    [Fact]
    public async Task TwoSimultaneousPagePosts_GiveOneSubmissionAndBothGoToTheReceipt()
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync();
        var unit = (await app.RecommenderUnitAsync()).ToString();
        var tabs = await Task.WhenAll(app.SignedInAsync(DemoUsers.LeadUnitAdmin), app.SignedInAsync(DemoUsers.LeadUnitAdmin));
        var fields = new Dictionary<string, string> { ["RecommendingUnitId"] = unit, ["UnitIntegrityConfirmed"] = "true" };

        var responses = await Task.WhenAll(tabs.Select(tab =>
            tab.PostFormAsync($"/PreProposals/Submit/{p.Id}", new Dictionary<string, string>(fields) { ["IdempotencyKey"] = Guid.NewGuid().ToString("N") })));

        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal($"/PreProposals/Receipt/{p.Id}", r.Headers.Location!.OriginalString);
        });
        Assert.Single(await app.TransitionsAsync(p.Id), t => t.To == ApplicationState.Submitted);
    }

    [Fact]
    public async Task RetryWithTheSameIdempotencyKey_ReturnsTheSameReceipt()
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync();
        var unit = await app.RecommenderUnitAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var key = "retry-" + Guid.NewGuid();

        var first = await lead.SubmitAsync(p.Id, unit, key: key);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var retry = await lead.SubmitAsync(p.Id, unit, key: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single(await app.TransitionsAsync(p.Id), t => t.To == ApplicationState.Submitted);
        Assert.Equal(1, await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyWithADifferentBody_Is422()
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync();
        var other = await app.CompleteAsync();
        var unit = await app.RecommenderUnitAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var key = "reuse-" + Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await lead.SubmitAsync(p.Id, unit, key: key)).StatusCode);

        var reused = await lead.SubmitAsync(other.Id, unit, key: key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(["IDEMPOTENCY-KEY-REUSED"], await reused.ErrorCodesAsync());
        Assert.Equal(ApplicationState.Complete, (await app.ReloadAsync(other.Id)).State);
    }

    [Fact]
    public async Task SubmitAgainWithoutKey_AnswersTheSameReceipt()
    {
        var (p, receipt) = await app.SubmittedAsync();
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);

        var again = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(receipt.GetProperty("submissionNumber").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionNumber").GetString());
        Assert.Single(await app.TransitionsAsync(p.Id), t => t.To == ApplicationState.Submitted);
    }
}
