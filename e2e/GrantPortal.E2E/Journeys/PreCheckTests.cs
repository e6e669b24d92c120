using System.Text.RegularExpressions;
using GrantPortal.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

// Issue 5's proof: while fixing the draft, the applicant sees the eligibility findings appear and
// disappear after each autosave (the live pre-check of the edit page). A screenshot per step
// (artifacts/screenshots/precheck-*.png).
public sealed class PreCheckTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Shot = "precheck";

    private static ILocator Rows(IPage page, string rule) => page.Locator($"#precheck-findings tbody tr[data-rule=\"{rule}\"]");

    [Fact]
    public async Task Applicant_FixingTheDraft_SeesFindingsAppearAndDisappearAfterAutosave()
    {
        var page = await NewPageAsync();
        await Ui.SignInAsync(page, DemoRoles.Applicant.Email, Shot + "-01");
        await page.GotoAsync("/Applicant");
        await page.Locator("#start-calls a[data-call=DEMO-SIC]").ClickAsync();
        await page.Locator("input[name=DirectionId]").First.CheckAsync();
        await page.Locator("#start-draft").ClickAsync();
        await Expect(page.Locator("#draft-form")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/PreProposals/Edit/[0-9a-f-]{36}$"));

        // An empty draft: every indicator of the direction is still unanswered.
        var answers = page.Locator("textarea.indicator-answer");
        var indicators = await answers.CountAsync();
        Assert.True(indicators > 0);
        await Expect(page.Locator("#precheck")).ToBeVisibleAsync();
        await Expect(Rows(page, "DIRECTION-INDICATORS")).ToHaveCountAsync(indicators);
        await Ui.Visited(page, Shot + "-02-empty-draft-findings");

        // Answering every indicator: after the autosave the findings are gone.
        for (var i = 0; i < indicators; i++) await page.Locator($"#Input_IndicatorAnswers_{i}").FillAsync($"第 {i + 1} 项指标的实现方案。");
        await Expect(Rows(page, "DIRECTION-INDICATORS")).ToHaveCountAsync(0);
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Ui.Visited(page, Shot + "-03-indicators-answered");

        // Clearing the first answer brings its finding back, linked to the field.
        await page.Locator("#Input_IndicatorAnswers_0").FillAsync("");
        var row = page.Locator("#precheck-findings tbody tr[data-rule=\"DIRECTION-INDICATORS\"][data-field=\"IndicatorAnswers[0]\"]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("a[href=\"#Input_IndicatorAnswers_0\"]")).ToBeVisibleAsync();
        await Expect(row.Locator(".badge")).ToHaveTextAsync("阻止提交");

        // Too little time for the PI: PI-TIME appears; enough time: it disappears.
        await page.Locator("#Input_PiMonthsPerYear").FillAsync("4");
        await Expect(Rows(page, "PI-TIME")).ToHaveCountAsync(1);
        await Ui.Visited(page, Shot + "-04-findings-appear");

        // Following the link brings the applicant to the field; answering removes the finding.
        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#Input_IndicatorAnswers_0")).ToBeInViewportAsync();
        await page.Locator("#Input_IndicatorAnswers_0").FillAsync("第 1 项指标的实现方案。");
        await page.Locator("#Input_PiMonthsPerYear").FillAsync("8");
        await Expect(Rows(page, "DIRECTION-INDICATORS")).ToHaveCountAsync(0);
        await Expect(Rows(page, "PI-TIME")).ToHaveCountAsync(0);
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Ui.Visited(page, Shot + "-05-findings-gone");
    }

    // FOREIGN-LEAD-AGE: a foreign lead born before the call's date blocks; the exception claim
    // appears once a foreign lead is picked, and a claim with its special statement turns the
    // finding into one for formal review.
    [Fact]
    public async Task Applicant_ClaimingAnExceptionForAnOldForeignLead_TurnsTheBlockingFindingIntoAReviewOne()
    {
        var page = await NewPageAsync();
        await Ui.SignInAsync(page, DemoRoles.Applicant.Email, Shot + "-claim-01");
        await page.GotoAsync("/Applicant");
        await page.Locator("#start-calls a[data-call=DEMO-SIC]").ClickAsync();
        await page.Locator("input[name=DirectionId]").First.CheckAsync();
        await page.Locator("#start-draft").ClickAsync();
        await Expect(page.Locator("#draft-form")).ToBeVisibleAsync();

        var claim = page.Locator("#foreign-lead-exception");
        await Expect(claim).ToBeHiddenAsync(); // no foreign lead yet

        // 田中由纪 (demo registry) was born on 1950-02-02, before the call's 1953-01-01.
        await page.Locator("#picker-ForeignLead-search").FillAsync("田中");
        await page.Locator("#picker-ForeignLead-results .picker-hit").First.ClickAsync();
        await Expect(page.Locator("#picker-ForeignLead-picked li")).ToHaveCountAsync(1);
        await Expect(claim).ToBeVisibleAsync();
        var age = page.Locator("#precheck-findings tbody tr[data-rule=\"FOREIGN-LEAD-AGE\"]");
        await Expect(age).ToHaveCountAsync(1);
        await Expect(age).ToHaveAttributeAsync("data-severity", "Blocking");
        await Ui.Visited(page, Shot + "-claim-02-old-foreign-lead-blocks");

        // The claim with its statement: the finding stays, for formal review.
        await page.Locator("#Input_ForeignLeadException").SelectOptionAsync("PartnerAcademician");
        await page.Locator("#Input_ForeignLeadStatement").FillAsync("田中由纪教授为日本学士院院士，特此说明。");
        await Expect(age).ToHaveAttributeAsync("data-severity", "Review");
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Ui.Visited(page, Shot + "-claim-03-claimed-for-review");

        // Removing the foreign lead hides the claim and the finding.
        await page.Locator("#picker-ForeignLead-picked .picker-remove").First.ClickAsync();
        await Expect(claim).ToBeHiddenAsync();
        await Expect(age).ToHaveCountAsync(0);
    }
}
