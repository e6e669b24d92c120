using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Web.Features.Recommender.Batch;
using GrantPortal.Web.Tests.Calls;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Recommendations;

// PRE-WINDOW for the recommending unit, and sending the batch (issue 6, point 4). The deadline is
// "a day" read as its end in Beijing time: its last minute is accepted, the next refused. The fake
// clock only moves forward, so the tests of this class run in one sequence.
public sealed class DeadlineAndBatchTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task Deadline_LastMinuteAccepted_NextRefused_Batch_Empty_Sent_Locked()
    {
        await app.EnsureOfficersAsync();
        var (a, _) = await app.SubmittedAsync();
        var (b, _) = await app.SubmittedAsync();
        var (c, _) = await app.SubmittedAsync();
        var call = await app.DemoCallAsync();
        var deadlineDay = BeijingTime.Today(app.Clock.GetUtcNow()).AddDays(40);
        var deadline = BeijingTime.EndOfDay(deadlineDay);
        await app.SetDeadlineAsync(deadline);
        var officer = await app.UserApiAsync(DemoUsers.Recommender);

        // An empty batch is refused with a message.
        var empty = await officer.SendBatchAsync(call.Id);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Recommendation.BatchEmpty"], await empty.ErrorCodesAsync());

        // Endorse a, send it: the batch holds it, with the canonical list and its hash.
        Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, a.Id, "Endorse")).StatusCode);
        var sent = await officer.SendBatchAsync(call.Id);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var batch = await app.WithDbAsync(db => db.RecommendationBatches.AsNoTracking().Include(x => x.Items).SingleAsync());
        Assert.Equal(a.Id, Assert.Single(batch.Items).ProposalId);
        Assert.Equal(BatchList.Sha256Hex(batch.ListJson), batch.ListHash);
        var list = BatchList.FromJson(batch.ListJson);
        var stored = await app.ReloadAsync(a.Id);
        Assert.Equal((stored.SubmissionNumber, stored.ContentHash, "京华大学（示例）"), (Assert.Single(list.Items).SubmissionNumber, list.Items[0].ContentHash, list.Items[0].LeadUnit));
        Assert.Equal("Transition.SentToExchangeCenter", stored.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Last().Reason);

        // What was sent cannot be changed by the recommending unit; nothing is sent twice.
        var change = await officer.DecideAsync(app, a.Id, "Decline", "改变主意");
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Contains("Recommendation.AlreadySent", await change.ErrorCodesAsync());
        Assert.Equal(ApplicationState.Endorsed, (await app.ReloadAsync(a.Id)).State);
        Assert.Equal(["Recommendation.BatchEmpty"], await (await officer.SendBatchAsync(call.Id)).ErrorCodesAsync());

        // The last minute of the deadline day (23:59 Beijing time) is accepted.
        app.Clock.SetUtcNow(deadline.AddMinutes(-1));
        officer = await app.UserApiAsync(DemoUsers.Recommender); // the earlier token has expired meanwhile
        Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, b.Id, "Endorse")).StatusCode);

        // The next minute is refused: no decision, no batch; the page says so.
        app.Clock.SetUtcNow(deadline);
        officer = await app.UserApiAsync(DemoUsers.Recommender);
        var late = await officer.DecideAsync(app, c.Id, "Endorse");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(["Recommendation.DeadlinePassed"], await late.ErrorCodesAsync());
        Assert.Equal(ApplicationState.Submitted, (await app.ReloadAsync(c.Id)).State);
        var lateSend = await officer.SendBatchAsync(call.Id);
        Assert.Equal(["Recommendation.DeadlinePassed"], await lateSend.ErrorCodesAsync());

        var browser = await app.SignedInAsync(DemoUsers.Recommender);
        var page = await (await browser.GetAsync($"/Recommender/Batch?callId={call.Id}")).HtmlAsync();
        Assert.Contains("id=\"deadline\" data-passed=\"true\"", page);
        Assert.DoesNotContain("id=\"send-batch\"", page);
        var review = await (await browser.GetAsync($"/Recommender/Review/{c.Id}")).HtmlAsync();
        Assert.Contains("id=\"deadline\" data-passed=\"true\"", review);
        Assert.DoesNotContain("id=\"decide-form\"", review);
        Assert.DoesNotContain("[[", page + review);
    }
}

public sealed class BatchRaceTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task TwoOfficersSendingAtOnce_OneBatch_TheOtherFindsNothingLeft()
    {
        await app.EnsureOfficersAsync();
        var call = await app.DemoCallAsync();
        var officer = await app.UserApiAsync(DemoUsers.Recommender);
        for (var i = 0; i < 3; i++)
        {
            var (p, _) = await app.SubmittedAsync();
            Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, p.Id, "Endorse")).StatusCode);
        }
        var second = await app.UserApiAsync(RecommendationKit.SecondOfficer);

        var responses = await Task.WhenAll(officer.SendBatchAsync(call.Id), second.SendBatchAsync(call.Id));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
        var items = await app.WithDbAsync(db => db.RecommendationBatchItems.CountAsync());
        Assert.Equal(3, items);
        Assert.Equal(1, await app.WithDbAsync(db => db.RecommendationBatches.CountAsync()));
    }

    [Fact]
    public async Task BatchPage_SendsWhatIsEndorsed_AndListsTheBatch()
    {
        var call = await app.DemoCallAsync();
        var (p, _) = await app.SubmittedAsync();
        var officer = await app.UserApiAsync(DemoUsers.Recommender);
        Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, p.Id, "Endorse")).StatusCode);
        var browser = await app.SignedInAsync(DemoUsers.Recommender);

        var before = await (await browser.GetAsync($"/Recommender/Batch?callId={call.Id}")).HtmlAsync();
        Assert.Contains($"<tr data-id=\"{p.Id}\"", before);
        Assert.Contains("id=\"send-batch\"", before);
        var response = await browser.PostFormAsync($"/Recommender/Batch?callId={call.Id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await (await browser.GetAsync(response.Headers.Location)).HtmlAsync();
        Assert.Contains("data-status=\"sent\"", after);
        Assert.Contains("id=\"pending-empty\"", after);
        Assert.DoesNotContain("id=\"send-batch\"", after); // nothing left to send: no button
        Assert.DoesNotContain("[[", after);
    }
}
