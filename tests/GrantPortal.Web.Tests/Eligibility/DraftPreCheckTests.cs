using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Tests.Drafts;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Eligibility;

// Issue 5, point 3: the live pre-check of the draft editor. Every autosave answers with all the
// findings of the saved draft; GET ?handler=Findings reads them; the page renders them once.
public sealed class DraftPreCheckTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private static List<JsonElement> Findings(JsonElement panel) => [.. panel.GetProperty("findings").EnumerateArray()];

    private static bool HasIndicatorFinding(JsonElement panel) =>
        Findings(panel).Any(f => f.GetProperty("ruleId").GetString() == "DIRECTION-INDICATORS");

    [Fact]
    public async Task Autosave_ClearingThenFillingAnIndicatorAnswer_ShowsThenRemovesDirectionIndicators()
    {
        var p = await app.DraftAsync();
        var pi = await app.SignedInAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(p.Id);
        Assert.NotEmpty(content.IndicatorAnswers);
        var answer = content.IndicatorAnswers[0];

        content.IndicatorAnswers[0] = "";
        var cleared = await pi.SaveAsync(p.Id, version, content);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        var finding = Assert.Single(Findings(cleared.Body.GetProperty("findings")), f => f.GetProperty("ruleId").GetString() == "DIRECTION-INDICATORS");
        Assert.Equal(("Blocking", "IndicatorAnswers[0]", "#Input_IndicatorAnswers_0"),
            (finding.GetProperty("severity").GetString(), finding.GetProperty("field").GetString(), finding.GetProperty("href").GetString()));
        Assert.DoesNotContain("[[", finding.GetProperty("message").GetString());
        Assert.True(cleared.Body.GetProperty("findings").GetProperty("blocking").GetBoolean());

        var handler = await pi.GetFromJsonAsync<JsonElement>($"/PreProposals/Edit/{p.Id}?handler=Findings");
        Assert.True(HasIndicatorFinding(handler));

        content.IndicatorAnswers[0] = answer;
        var filled = await pi.SaveAsync(p.Id, cleared.Version, content);
        Assert.Equal(HttpStatusCode.OK, filled.Status);
        Assert.False(HasIndicatorFinding(filled.Body.GetProperty("findings")));
        Assert.False(HasIndicatorFinding(await pi.GetFromJsonAsync<JsonElement>($"/PreProposals/Edit/{p.Id}?handler=Findings")));
    }

    [Fact]
    public async Task EditPage_RendersTheFindingsPanelWithLinksToTheFields()
    {
        var p = await app.DraftAsync(o => o.Configure = d => d.PiMonthsPerYear = 4);
        var pi = await app.SignedInAsync(DemoUsers.Applicant);

        var html = await (await pi.GetAsync($"/PreProposals/Edit/{p.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("id=\"precheck\"", html);
        Assert.Contains("data-rule=\"PI-TIME\"", html);
        Assert.Contains("href=\"#Input_PiMonthsPerYear\"", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task FindingsHandler_ForAnotherApplicant_IsNotFound()
    {
        var p = await app.DraftAsync();
        var other = await app.SignedInAsync(DemoUsers.OtherApplicant);

        var response = await other.GetAsync($"/PreProposals/Edit/{p.Id}?handler=Findings");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FindingsHandler_Anonymous_IsSentToSignIn()
    {
        var p = await app.DraftAsync();
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync($"/PreProposals/Edit/{p.Id}?handler=Findings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Login", response.Headers.Location!.ToString());
    }
}
