using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

// Issue 4's proof, in Chinese: the applicant drafts a pre-proposal with a team picked from the
// registries, watches the counter, attaches PDFs and marks it complete; the lead unit submits it;
// the receipt and the printed PDF appear, the PDF's text holds the submitted data, and /Verify
// confirms the number and hash. A screenshot per step (artifacts/screenshots/preproposal-*.png).
public sealed partial class PreProposalJourneyTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Shot = "preproposal";
    private const int Limit = 3000;

    private const string Title = "中德新能源微电网关键技术联合研究（端到端）";
    private const string KeyMember = "李娜";
    private const string ForeignLead = "汉斯·穆勒";
    private const string ForeignUnit = "德姆施塔特工业大学（示例）";
    private const string RecommendingUnit = "北京市科学技术委员会（示例）";

    private static readonly (string Field, string Text)[] Sections =
    [
        ("Objectives", "研制兆瓦级储能系统示范样机一套，形成国际标准提案两项。\n培养青年科研人员十名。"),
        ("Innovation", "提出多时间尺度协调控制方法，实现高比例新能源接入下微电网的稳定运行。"),
        ("TechnicalRoute", "理论建模、仿真验证、样机研制、示范应用，四个阶段逐年推进。"),
        ("ResearchBasis", "双方已联合发表论文 12 篇，共同承担国家级项目 2 项，互派访问学者 6 人次。"),
    ];

    private static readonly string[] IndicatorAnswers =
    [
        "德方提供储能变流器，中方负责系统集成，第三年完成样机。",
        "第二年提交标准提案初稿，第三年提交国际电工委员会工作组。",
    ];

    // PRE-LENGTH as the server defines it, written out again here: extended grapheme clusters,
    // not counting those made only of Unicode White_Space.
    private static int Count(string text)
    {
        const string whiteSpace = "\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";
        var count = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            if (!e.GetTextElement().All(c => whiteSpace.Contains(c, StringComparison.Ordinal))) count++;
        }
        return count;
    }

    private static string CounterText(int count) => $"已用 {count} / {Limit} 字";

    [Fact]
    public async Task Applicant_DraftsInChinese_WithATeamAndPdfs_LeadUnitSubmits_ReceiptPrintAndVerifyMatch()
    {
        var page = await NewPageAsync();

        // 1. The applicant signs in and starts a draft in the open demo call, first direction.
        await Ui.SignInAsync(page, DemoRoles.Applicant.Email, Shot + "-01");
        await Expect(page).ToHaveURLAsync(new Regex("/Applicant$"));
        await Ui.Visited(page, Shot + "-02-applicant-home");
        await page.Locator("#start-calls a[data-call=DEMO-SIC]").ClickAsync();
        await Expect(page.Locator("#start-form")).ToBeVisibleAsync();
        await page.Locator("input[name=DirectionId]").First.CheckAsync();
        await Ui.Visited(page, Shot + "-03-start");
        await page.Locator("#start-draft").ClickAsync();
        await Expect(page.Locator("#draft-form")).ToBeVisibleAsync();
        var id = EditUrl().Match(page.Url) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("Not on an edit page: " + page.Url);
        await Expect(page.Locator("#narrative-counter")).ToHaveTextAsync(CounterText(0));
        await Expect(page.Locator("#picker-PiPersonId-picked li")).ToHaveCountAsync(1);
        await Ui.Visited(page, Shot + "-04-empty-draft");

        // 2. The basics and the narrative in Chinese; the counter follows.
        await page.Locator("#Input_Title").FillAsync(Title);
        await page.Locator("#Input_PiMonthsPerYear").FillAsync("8");
        await page.Locator("#Input_DurationMonths").FillAsync("36");
        await page.Locator("#Input_RequestedBudget").FillAsync("500");
        foreach (var (field, text) in Sections) await page.Locator("#Input_" + field).FillAsync(text);
        await Expect(page.Locator("textarea.indicator-answer")).ToHaveCountAsync(IndicatorAnswers.Length);
        for (var i = 0; i < IndicatorAnswers.Length; i++) await page.Locator($"#Input_IndicatorAnswers_{i}").FillAsync(IndicatorAnswers[i]);
        var expected = Sections.Sum(s => Count(s.Text)) + IndicatorAnswers.Sum(Count);
        var counter = page.Locator("#narrative-counter");
        await Expect(counter).ToHaveTextAsync(CounterText(expected));
        await Expect(counter).Not.ToHaveClassAsync(new Regex("text-danger"));

        // 3. The team from the registries: a key member, the foreign lead, the foreign unit.
        await PickAsync(page, "KeyMembers", "李娜", KeyMember);
        await PickAsync(page, "ForeignLead", "Müller", ForeignLead);
        await PickAsync(page, "ForeignUnits", "VR-4711", ForeignUnit);
        await ExpectSavedAsync(page, expected);
        await Ui.Visited(page, Shot + "-05-filled-and-saved");

        // 4. Pasting past the limit turns the counter red; putting the text back clears it.
        var innovation = page.Locator("#Input_Innovation");
        await innovation.FillAsync(Sections[1].Text + new string('创', Limit));
        var over = expected + Limit;
        await Expect(counter).ToHaveTextAsync(CounterText(over));
        await Expect(counter).ToHaveClassAsync(new Regex("text-danger"));
        await Expect(page.Locator("#narrative-alert")).Not.ToBeEmptyAsync();
        await ExpectSavedAsync(page, over);
        await Ui.Screenshot(page, Shot + "-06-over-the-limit");
        await innovation.FillAsync(Sections[1].Text);
        await Expect(counter).ToHaveTextAsync(CounterText(expected));
        await Expect(counter).Not.ToHaveClassAsync(new Regex("text-danger"));
        await ExpectSavedAsync(page, expected);
        await Ui.Screenshot(page, Shot + "-07-back-within-the-limit");

        // The saved draft comes back as typed.
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync(Title);
        await Expect(page.Locator("#Input_Objectives")).ToHaveValueAsync(Sections[0].Text);
        await Expect(page.Locator("#picker-ForeignLead-picked")).ToContainTextAsync(ForeignLead);
        await Expect(counter).ToHaveTextAsync(CounterText(expected));

        // 5. A real PDF for each required kind; the joint agreement with its signing date.
        await page.Locator("#attachments-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/PreProposals/Attachments/{id}$"));
        await Expect(page.Locator("#upload-form")).ToBeVisibleAsync();
        await Ui.Visited(page, Shot + "-08-attachments-empty");
        var signedOn = TimeProvider.System.GetUtcNow().AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (kind, _) in AttachmentKinds.Required)
        {
            await page.Locator("#Kind").SelectOptionAsync(kind.ToString());
            if (kind == AttachmentKind.JointAgreement) await page.Locator("#SignedOn").FillAsync(signedOn);
            await page.Locator("#File").SetInputFilesAsync(new FilePayload
            {
                Name = $"{kind}.pdf",
                MimeType = "application/pdf",
                Buffer = Pdfs.Minimal($"{kind} signed copy"),
            });
            await page.Locator("#upload-submit").ClickAsync();
            await Expect(page.Locator($"#kind-{kind} a.current-download")).ToHaveTextAsync($"{kind}.pdf");
            await Expect(page.Locator("#error-summary")).ToHaveCountAsync(0);
        }
        await Expect(page.Locator("#kind-JointAgreement")).ToContainTextAsync(signedOn);
        await Ui.Visited(page, Shot + "-09-attachments-uploaded");

        // 6. The whole application, marked complete by the PI.
        await page.Locator("#back-to-proposal").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/PreProposals/View/{id}$"));
        await Expect(page.Locator("#members")).ToContainTextAsync(KeyMember);
        await Expect(page.Locator("#members")).ToContainTextAsync(ForeignLead);
        await Expect(page.Locator("#units")).ToContainTextAsync(ForeignUnit);
        await Expect(page.Locator("#narrative-count")).ToHaveAttributeAsync("data-count", expected.ToString(CultureInfo.InvariantCulture));
        await Ui.Visited(page, Shot + "-10-view-draft");
        await page.Locator("#action-complete").ClickAsync();
        await Expect(page.Locator("#proposal-state")).ToHaveAttributeAsync("data-state", "Complete");
        await Ui.Visited(page, Shot + "-11-complete");
        await page.GotoAsync("/Applicant");
        await Expect(page.Locator($"#my-applications tr[data-id='{id}']")).ToHaveAttributeAsync("data-state", "Complete");
        await Ui.SignOutAsync(page);

        // 7. The lead unit's administrator finds it and submits it to the recommending unit.
        await Ui.SignInAsync(page, DemoRoles.LeadUnit.Email, Shot + "-12");
        await Expect(page).ToHaveURLAsync(new Regex("/LeadUnit$"));
        var row = page.Locator($"#applications tr[data-id='{id}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "Complete");
        await Expect(row).ToContainTextAsync(Title);
        await Ui.Visited(page, Shot + "-13-lead-unit-list");
        await row.Locator($"a[href='/PreProposals/Submit/{id}']").ClickAsync();
        await Expect(page.Locator("#window")).ToHaveAttributeAsync("data-open", "true");
        await page.Locator("#RecommendingUnitId").SelectOptionAsync(new SelectOptionValue { Label = RecommendingUnit });
        await page.Locator("#UnitIntegrityConfirmed").CheckAsync();
        await Ui.Visited(page, Shot + "-14-submit");
        await page.Locator("#submit-proposal").ClickAsync();

        // 8. The receipt: a submission number and the SHA-256 of the submitted content.
        await Expect(page.Locator("#receipt-done")).ToBeVisibleAsync();
        await Expect(page.Locator("#receipt-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.Locator("#receipt-recommender")).ToHaveTextAsync(RecommendingUnit);
        var number = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
        var hash = (await page.Locator("#receipt-hash").InnerTextAsync()).Trim();
        Assert.NotEmpty(number);
        await Ui.Visited(page, Shot + "-15-receipt");

        // 9. The printed copy, fetched with the signed-in cookies: its text holds the submitted data.
        var printUrl = await page.Locator("#receipt-print").GetAttributeAsync("href") ?? throw new InvalidOperationException("No print link");
        var print = await page.Context.APIRequest.GetAsync(printUrl);
        Assert.Equal(200, print.Status);
        Assert.StartsWith("application/pdf", print.Headers["content-type"], StringComparison.Ordinal);
        var pdf = await print.BodyAsync();
        await File.WriteAllBytesAsync(Path.Combine(E2EEnvironment.ScreenshotDirectory, Shot + "-16-printed.pdf"), pdf);
        var body = Pdfs.BodyText(pdf);
        var missing = new[] { Title, KeyMember, ForeignLead, ForeignUnit, RecommendingUnit }
            .Concat(Sections.Select(s => s.Text)).Concat(IndicatorAnswers)
            .Where(value => !body.Contains(Pdfs.Normalize(value), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Not in the printed PDF: " + string.Join(" | ", missing));
        var pages = Pdfs.PageTexts(pdf);
        Assert.NotEmpty(pages);
        Assert.All(pages, text =>
        {
            Assert.Contains(Pdfs.Normalize(number), text, StringComparison.Ordinal);
            Assert.Contains(hash, text, StringComparison.Ordinal);
        });

        // 10. Anyone holding the copy checks it on /Verify by number and hash.
        await page.Locator("#receipt-verify").ClickAsync();
        await Expect(page.Locator("#verify-result")).ToHaveAttributeAsync("data-outcome", "Match");
        await Expect(page.Locator("#verify-result")).ToContainTextAsync(Title);
        await Expect(page.Locator("#Number")).ToHaveValueAsync(number);
        await Expect(page.Locator("#Hash")).ToHaveValueAsync(hash);
        await Ui.Visited(page, Shot + "-17-verified");
    }

    // Searches a picker, clicks the hit with that name and sees it picked.
    private static async Task PickAsync(IPage page, string key, string term, string name)
    {
        await page.Locator($"#picker-{key}-search").FillAsync(term);
        var hit = page.Locator($"#picker-{key}-results .picker-hit", new PageLocatorOptions { HasText = name });
        await hit.First.ClickAsync();
        await Expect(page.Locator($"#picker-{key}-picked .picked-name")).ToContainTextAsync([name]);
    }

    // The autosave reported "已保存" and the server counted the narrative as the browser did.
    private static async Task ExpectSavedAsync(IPage page, int count)
    {
        var status = page.Locator("#save-status");
        await Expect(status).ToHaveAttributeAsync("data-state", "saved");
        await Expect(status).ToContainTextAsync("已保存");
        await Expect(page.Locator("#server-count")).ToHaveAttributeAsync("data-count", count.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"/PreProposals/Edit/([0-9a-f-]{36})$")]
    private static partial Regex EditUrl();
}
