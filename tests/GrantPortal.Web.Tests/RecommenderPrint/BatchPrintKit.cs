using System.Globalization;
using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Web.Features.Recommender.Batch;
using GrantPortal.Web.Tests.Recommendations;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.RecommenderPrint;

public sealed record SentBatchInfo(Guid Id, string Number, string Hash, BatchList List);

// Sent batches for the printing tests: submitted through the real API, endorsed and sent by
// recommender@ (the demo province's officer); or, for a long list, a batch row written directly.
public static class BatchPrintKit
{
    public static async Task<SentBatchInfo> SentBatchAsync(this GrantPortalFactory app, params string[] titles)
    {
        await app.EnsureOfficersAsync();
        var officer = await app.UserApiAsync(DemoUsers.Recommender);
        foreach (var title in titles)
        {
            var (p, _) = await app.SubmittedAsync(o => o.Configure = x => x.Title = title);
            Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, p.Id, "Endorse")).StatusCode);
        }
        var call = await app.DemoCallAsync();
        var sent = await officer.SendBatchAsync(call.Id);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.JsonAsync()).GetProperty("id").GetGuid();
        return await app.BatchAsync(id);
    }

    public static async Task<SentBatchInfo> BatchAsync(this GrantPortalFactory app, Guid id)
    {
        var batch = await app.WithDbAsync(db => db.RecommendationBatches.AsNoTracking().SingleAsync(b => b.Id == id));
        var list = BatchList.FromJson(batch.ListJson);
        return new SentBatchInfo(batch.Id, list.Number ?? BatchNumber.Of(batch.Id, list.CallCode), batch.ListHash, list);
    }

    // A batch of many projects, stored as a batch sent before the letter existed (no number and no
    // contact in its list): the printing reads only the stored list.
    public static async Task<SentBatchInfo> StoredBatchAsync(this GrantPortalFactory app, int count)
    {
        var unitId = await app.RecommenderUnitAsync();
        var call = await app.DemoCallAsync();
        var unit = await app.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId));
        var sentAt = app.Clock.GetUtcNow().AddDays(-1);
        var items = Enumerable.Range(1, count).Select(i => new BatchListItem(
            i, Guid.CreateVersion7(), $"{call.Code}-L{i:000}-TEST", $"长清单项目第{i}项：面向跨境数据流动的隐私计算平台研究", "1", "智能制造与数字经济",
            i % 2 == 0 ? "京华大学（示例）" : "东海大学（示例）", "91110000000000000X", $"负责人{i}", 36, 100 + i, sentAt.AddDays(-2), new string('a', 64))).ToList();
        var list = new BatchList(new BatchListUnit(unit.Id.Value, unit.Name, unit.NameEn, unit.SocialCreditCode), call.Code, call.Title, sentAt, "赵敏", items);
        var json = list.ToCanonicalJson();
        var batch = new RecommendationBatch
        {
            RecommendingUnitId = unitId, CallId = call.Id, SentAt = sentAt, SentByUserId = Guid.Empty, SentByName = "赵敏",
            ListJson = json, ListHash = BatchList.Sha256Hex(json),
        };
        await app.WithDbAsync(async db =>
        {
            db.RecommendationBatches.Add(batch);
            await db.SaveChangesAsync();
        });
        return new SentBatchInfo(batch.Id, BatchNumber.Of(batch.Id, call.Code), batch.ListHash, list);
    }

    public static string BeijingInstant(DateTimeOffset instant) =>
        BeijingTime.ToBeijing(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间，UTC+8）";
}
