using System.Text.Json;
using GrantPortal.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.E2E.Journeys;

// PRE-LENGTH in the browser: wwwroot/js/narrative-counter.js counts every shared case exactly as
// the server does (tests/shared/narrative-cases.json, also run by Domain.Tests), and the edit page's
// counter, autosave and conflict panel work for a person at the keyboard.
public sealed class CounterTests(PortalFixture portal) : PortalTest(portal)
{
    private static string CasesJson()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "shared", "narrative-cases.json");
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        throw new FileNotFoundException("tests/shared/narrative-cases.json not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task CountNarrative_InChromium_MatchesEverySharedCase()
    {
        var json = CasesJson();
        var cases = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var page = await NewPageAsync();
        await page.GotoAsync("/");

        var counts = await page.EvaluateAsync<int[]>(
            """
            async json => {
                const { countNarrative } = await import("/js/narrative-counter.js");
                return JSON.parse(json).map(c => countNarrative(c.repeat !== undefined ? c.repeat.repeat(c.times) : c.text));
            }
            """, json);

        Assert.Equal(cases.Count, counts.Length);
        var wrong = cases.Select((c, i) => (Note: c.GetProperty("note").GetString(), Expected: c.GetProperty("count").GetInt32(), Actual: counts[i]))
            .Where(x => x.Expected != x.Actual).ToList();
        Assert.True(wrong.Count == 0, "Chromium counts differently: " + string.Join("; ", wrong.Select(w => $"{w.Note}: expected {w.Expected}, got {w.Actual}")));
    }

    [Fact]
    public async Task Applicant_WritesADraft_WatchesTheCounter_PicksATeamMember_AndResolvesAConflictBetweenTwoTabs()
    {
        const string shot = "counter";
        var page = await NewPageAsync();
        await Ui.SignInAsync(page, DemoRoles.Applicant.Email, shot + "-01");

        // Start a draft from the applicant's home.
        await page.Locator("#start-calls a[data-call=DEMO-SIC]").ClickAsync();
        await Ui.Visited(page, shot + "-02-start");
        await page.Locator("input[name=DirectionId]").First.CheckAsync();
        await page.Locator("#start-draft").ClickAsync();
        await Expect(page.Locator("#draft-form")).ToBeVisibleAsync();
        await Ui.Visited(page, shot + "-03-edit");
        var counter = page.Locator("#narrative-counter");
        await Expect(counter).ToHaveTextAsync("已用 0 / 3000 字");

        // The counter follows every keystroke: spaces and line breaks are not counted.
        await page.Locator("#Input_Title").FillAsync("中德新能源微电网合作研究");
        await page.Locator("#Input_Objectives").PressSequentiallyAsync("目标 一\n👍🏽");
        await Expect(counter).ToHaveTextAsync("已用 4 / 3000 字");
        await page.Locator("#Input_IndicatorAnswers_0").FillAsync("样机 1 套");
        await Expect(counter).ToHaveTextAsync("已用 8 / 3000 字");
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(page.Locator("#server-count")).ToHaveAttributeAsync("data-count", "8");
        await Ui.Screenshot(page, shot + "-04-counting");

        // Past the limit: red, announced, and still saved (the server refuses only mark-complete).
        await page.Locator("#Input_Innovation").FillAsync(string.Concat(Enumerable.Repeat("创", 2993)));
        await Expect(counter).ToHaveTextAsync("已用 3001 / 3000 字");
        await Expect(counter).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-danger"));
        await Expect(page.Locator("#narrative-alert")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(page.Locator("#server-count")).ToHaveAttributeAsync("data-count", "3001");
        await Ui.Screenshot(page, shot + "-05-over-the-limit");
        await page.Locator("#Input_Innovation").FillAsync("创新");
        await Expect(counter).ToHaveTextAsync("已用 10 / 3000 字");
        await Expect(counter).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-danger"));

        // A team member picked from the registry.
        await page.Locator("#picker-ForeignLead-search").FillAsync("汉斯");
        await page.Locator("#picker-ForeignLead-results .picker-hit").First.ClickAsync();
        await Expect(page.Locator("#picker-ForeignLead-picked li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Ui.Screenshot(page, shot + "-06-picked");

        // Two tabs: the later save conflicts; the panel shows both and nothing typed is lost.
        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(page.Url);
        await Expect(second.Locator("#picker-ForeignLead-picked li")).ToHaveCountAsync(1);
        await page.Locator("#Input_ResearchBasis").FillAsync("第一个标签页：双方合作十年");
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await second.Locator("#Input_ResearchBasis").FillAsync("第二个标签页：联合发表论文");
        await Expect(second.Locator("#conflict")).ToBeVisibleAsync();
        await Expect(second.Locator("#save-status")).ToHaveAttributeAsync("data-state", "conflict");
        var row = second.Locator("#conflict-values tr[data-field=ResearchBasis]");
        await Expect(row).ToContainTextAsync("第二个标签页：联合发表论文");
        await Expect(row).ToContainTextAsync("第一个标签页：双方合作十年");
        await Expect(second.Locator("#conflict-values tr[data-field=Title]")).ToHaveCountAsync(0);
        await Expect(second.Locator("#Input_ResearchBasis")).ToHaveValueAsync("第二个标签页：联合发表论文");
        await Ui.AssertNoUntranslatedKeys(second);
        await Ui.Screenshot(second, shot + "-07-conflict");

        await second.Locator("#conflict-keep-mine").ClickAsync();
        await Expect(second.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(second.Locator("#conflict")).ToBeHiddenAsync();
        await Ui.Screenshot(second, shot + "-08-kept-mine");

        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });
        await Expect(page.Locator("#Input_ResearchBasis")).ToHaveValueAsync("第二个标签页：联合发表论文");
        await Expect(page.Locator("#Input_Objectives")).ToHaveValueAsync("目标 一\n👍🏽");
        await Ui.Screenshot(page, shot + "-09-reloaded");

        // The draft is on the applicant's list.
        await page.GotoAsync("/Applicant");
        await Expect(page.Locator("#my-applications")).ToContainTextAsync("中德新能源微电网合作研究");
        await Ui.Screenshot(page, shot + "-10-my-applications");
    }
}
