using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Web.Features.PreProposals.Edit;

namespace GrantPortal.Bench;

// A draft as its edit page shows it: what the page's autosave (wwwroot/js/autosave.js) needs.
public sealed record EditPage(Guid Id, uint Version, string Token, Guid DirectionId, Guid? PiPersonId, int IndicatorCount);

// The registry records a full draft refers to, found through the edit page's pickers.
public sealed record Team(Guid ForeignLead, Guid ForeignUnit);

public static partial class Drafts
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Starts a draft in the demo call through /PreProposals/Start (the first direction).
    public static async Task<Guid> StartAsync(Browser b, string callCode, CancellationToken ct)
    {
        var list = await b.GetHtmlAsync("/PreProposals/Start", ct);
        var call = Regex.Match(list, $"href=\"/PreProposals/Start\\?call=([0-9a-f-]+)\" data-call=\"{Regex.Escape(callCode)}\"");
        if (!call.Success) throw new BenchException($"call {callCode} is not open for drafts (/PreProposals/Start)");
        var formUrl = "/PreProposals/Start?call=" + call.Groups[1].Value;
        var form = await b.GetHtmlAsync(formUrl, ct);
        var direction = Regex.Match(form, "name=\"DirectionId\" id=\"direction-[^\"]+\" value=\"([0-9a-f-]+)\"");
        if (!direction.Success) throw new BenchException("no direction in the start form");
        using var response = await b.PostFormAsync("/PreProposals/Start",
            new Dictionary<string, string> { ["CallId"] = call.Groups[1].Value, ["DirectionId"] = direction.Groups[1].Value }, formUrl, ct);
        var location = response.Headers.Location?.OriginalString ?? "";
        var id = Regex.Match(location, "^/PreProposals/Edit/([0-9a-f-]+)$");
        if (response.StatusCode != HttpStatusCode.Redirect || !id.Success)
            throw new BenchException($"starting a draft answered {(int)response.StatusCode} {location}");
        return Guid.Parse(id.Groups[1].Value);
    }

    public static async Task<EditPage> EditPageAsync(Browser b, Guid id, CancellationToken ct)
    {
        var html = await b.GetHtmlAsync($"/PreProposals/Edit/{id}", ct);
        var pi = Regex.Match(html, "name=\"Input.PiPersonId\" value=\"([0-9a-f-]+)\"");
        return new EditPage(id, uint.Parse(Browser.Data(html, "version"), System.Globalization.CultureInfo.InvariantCulture), Browser.Data(html, "token"),
            Guid.Parse(Browser.Data(html, "initial")), pi.Success ? Guid.Parse(pi.Groups[1].Value) : null,
            IndicatorTextarea().Matches(html).Count);
    }

    public static async Task<Team> TeamAsync(Browser b, CancellationToken ct)
    {
        async Task<Guid> First(string url)
        {
            var hits = await b.Http.GetFromJsonAsync<List<Hit>>(url, Json, ct);
            return hits is [var hit, ..] ? hit.Id : throw new BenchException($"no registry record for {url}");
        }
        // The demo registry's foreign lead (Hans MÜLLER, passport C01X00T47) and his university.
        return new Team(await First("/PreProposals/Pickers?handler=People&q=C01X00T47"), await First("/PreProposals/Pickers?handler=Units&q=VR-4711&foreign=true"));
    }

    // The whole content a full draft saves: every field of the form, narrative at the limit.
    public static DraftInput Content(EditPage page, Team team, int narrative, int seed, int stamp)
    {
        var content = new DraftInput
        {
            Title = "新能源微电网关键技术国际合作研究",
            DirectionId = page.DirectionId,
            PiPersonId = page.PiPersonId,
            PiMonthsPerYear = 8,
            DurationMonths = 36,
            RequestedBudget = 500m,
            Units = [team.ForeignUnit],
            ForeignLead = team.ForeignLead,
        };
        Narrative.Fill(content, page.IndicatorCount, narrative, seed, stamp);
        return content;
    }

    // The autosave request exactly as autosave.js sends it: POST ?handler=Save, JSON
    // {version, content}, the page's antiforgery token in the RequestVerificationToken header.
    public static HttpRequestMessage SaveRequest(EditPage page, uint version, DraftInput content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/PreProposals/Edit/{page.Id}?handler=Save")
        {
            Content = Browser.Json(JsonSerializer.Serialize(new { version, content }, Json)),
        };
        request.Headers.Add("RequestVerificationToken", page.Token);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    public sealed record Hit(Guid Id);

    public sealed record Saved(uint Version, int NarrativeCount);

    [GeneratedRegex("<textarea id=\"Input_IndicatorAnswers_\\d+\"")]
    private static partial Regex IndicatorTextarea();
}
