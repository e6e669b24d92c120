using System.Globalization;
using System.Net;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Tests.Recommendations;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.ExchangeCenter;

// The decision mails go to people whose language the platform does not know: Chinese first, then
// English, the reason in both (issue 6 fix). Compared with the catalog's own rendering, never with
// literal text.
public sealed class DecisionMailLanguageTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Theory]
    [InlineData("Return", "Returned", "请补充外方合作证明")]
    [InlineData("Decline", "Declined", "不符合本地区重点支持方向")]
    [InlineData("Endorse", "Endorsed", null)]
    public async Task DecisionMail_IsChineseThenEnglish_WithTheReasonInBoth(string decision, string mail, string? reason)
    {
        var title = "双语邮件" + decision;
        var (p, _) = await app.SubmittedAsync(o => o.Configure = d => d.Title = title);
        var officer = await app.UserApiAsync(DemoUsers.Recommender);

        Assert.Equal(HttpStatusCode.OK, (await officer.DecideAsync(app, p.Id, decision, reason)).StatusCode);

        var mails = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains(title)).ToListAsync());
        Assert.Equal(2, mails.Count); // the lead unit's administrator and the PI
        var catalog = app.Services.GetRequiredService<Catalog>();
        var stored = await app.ReloadAsync(p.Id);
        var args = new Dictionary<string, string>
        {
            ["title"] = title, ["number"] = stored.SubmissionNumber!, ["unit"] = "北京市科学技术委员会（示例）", ["reason"] = reason ?? "—",
            ["link"] = mails[0].TextBody[(mails[0].TextBody.IndexOf("http", StringComparison.Ordinal))..].Split('\n')[0].Trim(),
        };
        var zh = catalog.Text($"Mail.Recommendation.{mail}.Body", CultureInfo.GetCultureInfo("zh-CN"), args);
        var en = catalog.Text($"Mail.Recommendation.{mail}.Body", CultureInfo.GetCultureInfo("en"), args);
        var zhSubject = catalog.Text($"Mail.Recommendation.{mail}.Subject", CultureInfo.GetCultureInfo("zh-CN"), args);
        var enSubject = catalog.Text($"Mail.Recommendation.{mail}.Subject", CultureInfo.GetCultureInfo("en"), args);
        Assert.NotEqual(zh, en);
        foreach (var m in mails)
        {
            Assert.True(m.TextBody.StartsWith(zh, StringComparison.Ordinal), m.TextBody);
            Assert.True(m.TextBody.EndsWith(en, StringComparison.Ordinal), m.TextBody);
            Assert.Equal($"{zhSubject} / {enSubject}", m.Subject);
            if (reason is not null) Assert.Equal(2, m.TextBody.Split(reason).Length - 1);
        }
    }
}
