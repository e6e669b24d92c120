using System.Text.RegularExpressions;
using GrantPortal.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

// Issue 6's proof, in Chinese: two applications of pi@ are marked complete by the PI and submitted
// by the lead unit through the pages; the recommending unit's officer (recommender@) endorses one,
// returns the other with a reason and sends the batch; the Exchange Center sees what arrived; the
// applicant reads the reason in the returned application's timeline, and the mail with the reason
// arrives in the mail catcher. A screenshot per step (artifacts/screenshots/recommendation-*.png).
public sealed class RecommendationJourneyTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Shot = "recommendation";
    private const string RecommendingUnit = "北京市科学技术委员会（示例）";
    private const string Reason = "请补充与外方合作的证明材料（联合论文或合作协议）后重新提交。";

    [Fact]
    public async Task Officer_EndorsesOne_ReturnsOneWithAReason_SendsTheBatch_ApplicantSeesTheReasonInTimelineAndMail()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var endorsedTitle = $"中外储能系统协调控制联合研究（推荐 {suffix}）";
        var returnedTitle = $"中外智能电网标准联合研究（退回 {suffix}）";
        // PIs of the demo registry (陈静, 刘洋) who lead nothing else in the call.
        var endorsed = await Portal.FilledDraftAsync(endorsedTitle, "11010819800101");
        var returned = await Portal.FilledDraftAsync(returnedTitle, "31011519860215");
        var page = await NewPageAsync();

        // 1. The PI marks both drafts complete.
        await Ui.SignInAsync(page, DemoRoles.Applicant.Email, Shot + "-01");
        foreach (var (id, n) in new[] { (endorsed, "a"), (returned, "b") })
        {
            await page.GotoAsync($"/PreProposals/View/{id}");
            await page.Locator("#action-complete").ClickAsync();
            await Expect(page.Locator("#proposal-state")).ToHaveAttributeAsync("data-state", "Complete");
            await Ui.Visited(page, $"{Shot}-02{n}-complete");
        }
        await Ui.SignOutAsync(page);

        // 2. The lead unit submits both to the province's S&T commission.
        await Ui.SignInAsync(page, DemoRoles.LeadUnit.Email, Shot + "-03");
        foreach (var (id, n) in new[] { (endorsed, "a"), (returned, "b") })
        {
            await page.GotoAsync($"/PreProposals/Submit/{id}");
            await page.Locator("#RecommendingUnitId").SelectOptionAsync(new SelectOptionValue { Label = RecommendingUnit });
            await page.Locator("#UnitIntegrityConfirmed").CheckAsync();
            await page.Locator("#submit-proposal").ClickAsync();
            await Expect(page.Locator("#receipt-done")).ToBeVisibleAsync();
            await Ui.Visited(page, $"{Shot}-04{n}-submitted");
        }
        await Ui.SignOutAsync(page);

        // 3. The officer finds both in the inbox.
        await Ui.SignInAsync(page, DemoRoles.Recommender.Email, Shot + "-05");
        await page.GotoAsync("/Recommender/Inbox");
        await Expect(page.Locator($"#inbox tr[data-id='{endorsed}']")).ToHaveAttributeAsync("data-state", "Submitted");
        await Expect(page.Locator($"#inbox tr[data-id='{returned}']")).ToHaveAttributeAsync("data-state", "Submitted");
        await Ui.Visited(page, Shot + "-06-inbox");

        // 4. Endorses the first.
        await page.GotoAsync($"/Recommender/Review/{endorsed}");
        await Expect(page.Locator("#proposal-title")).ToHaveTextAsync(endorsedTitle);
        await page.Locator("#Decision-Endorse").CheckAsync();
        await Ui.Visited(page, Shot + "-07-endorse");
        await page.Locator("#decide").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "decided");
        await Expect(page.Locator("#proposal-state")).ToHaveAttributeAsync("data-state", "Endorsed");
        await Ui.Visited(page, Shot + "-08-endorsed");

        // 5. Returns the second, with a reason.
        await page.GotoAsync($"/Recommender/Review/{returned}");
        await page.Locator("#Decision-Return").CheckAsync();
        await page.Locator("#Reason").FillAsync(Reason);
        await Ui.Visited(page, Shot + "-09-return-with-reason");
        await page.Locator("#decide").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "decided");
        await Expect(page.Locator("#proposal-state")).ToHaveAttributeAsync("data-state", "Returned");
        await Ui.Visited(page, Shot + "-10-returned");

        // 6. Sends the batch: the endorsed one goes, the returned one does not.
        await page.GotoAsync("/Recommender/Batch");
        await Expect(page.Locator($"#pending tr[data-id='{endorsed}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#pending tr[data-id='{returned}']")).ToHaveCountAsync(0);
        await Ui.Visited(page, Shot + "-11-batch-pending");
        await page.Locator("#send-batch").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "sent");
        var batch = page.Locator("article[data-batch]", new PageLocatorOptions { HasText = endorsedTitle });
        await Expect(batch).ToHaveCountAsync(1);
        await Expect(batch).Not.ToContainTextAsync(returnedTitle);
        await Ui.Visited(page, Shot + "-12-batch-sent");
        await Ui.SignOutAsync(page);

        // 7. The Exchange Center sees what arrived from the province, and opens the application.
        await Ui.SignInAsync(page, DemoRoles.ExchangeCenter.Email, Shot + "-13");
        await page.GotoAsync("/ExchangeCenter");
        await page.Locator("#link-recommendations").ClickAsync();
        var row = page.Locator("#units tbody tr", new PageLocatorOptions { HasText = RecommendingUnit });
        await Expect(row).ToHaveAttributeAsync("data-not-sent", "false");
        await Expect(page.Locator("#chart-units svg")).ToBeVisibleAsync();
        await Ui.Visited(page, Shot + "-14-exchange-center-arrivals");
        await row.Locator("a.unit-link").ClickAsync();
        await Expect(page.Locator($"#applications tr[data-id='{endorsed}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#applications tr[data-id='{returned}']")).ToHaveCountAsync(0);
        await Ui.Visited(page, Shot + "-15-exchange-center-unit");
        await page.Locator($"#applications tr[data-id='{endorsed}'] a.application-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/PreProposals/View/{endorsed}$"));
        await Ui.Visited(page, Shot + "-16-exchange-center-opens-it");
        await Ui.SignOutAsync(page);

        // 8. The applicant reads the reason in the returned application's timeline.
        await Ui.SignInAsync(page, DemoRoles.Applicant.Email, Shot + "-17");
        await page.GotoAsync($"/PreProposals/View/{returned}");
        await Expect(page.Locator("#proposal-state")).ToHaveAttributeAsync("data-state", "Returned");
        var step = page.Locator("#history tr[data-to='Returned']");
        await Expect(step.Locator(".history-reason")).ToHaveTextAsync(Reason);
        await step.ScrollIntoViewIfNeededAsync();
        await Ui.Visited(page, Shot + "-18-timeline-with-reason");

        // 9. And in the mail catcher: the return mail to the PI carries the reason, Chinese then English.
        var mail = await Mailbox.WaitForAsync(DemoRoles.Applicant.Email, m => m.Subject.Contains(returnedTitle, StringComparison.Ordinal) && m.Text.Contains(Reason, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        // The reason once in the Chinese part and once in the English part.
        Assert.Equal(2, mail.Text.Split(Reason).Length - 1);
        Assert.Contains(returnedTitle, mail.Text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(E2EEnvironment.ScreenshotDirectory, Shot + "-19-mail.txt"), mail.Subject + "\n\n" + mail.Text);
        await page.SetContentAsync($"<html lang=\"zh-CN\"><body><h1>{System.Net.WebUtility.HtmlEncode(mail.Subject)}</h1><pre style=\"white-space: pre-wrap\">{System.Net.WebUtility.HtmlEncode(mail.Text)}</pre></body></html>");
        await Ui.Screenshot(page, Shot + "-19-mail");
    }
}
