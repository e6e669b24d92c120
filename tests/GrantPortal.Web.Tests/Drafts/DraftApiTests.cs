using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Web.Features.PreProposals.Edit;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Registries;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Drafts;

// /api/v1/pre-proposals: create, list, read with ETag, update with If-Match.
public sealed class DraftApiTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private Task<(Guid Call, Guid Direction)> DemoCallAsync() =>
        app.WithDbAsync(db => db.Calls.Where(c => c.Code == SeedCalls.CodeDemo).Select(c => new ValueTuple<Guid, Guid>(c.Id.Value, c.Directions.OrderBy(d => d.SortOrder).First().Id.Value)).SingleAsync());

    private static HttpRequestMessage Put(Guid id, DraftInput body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/pre-proposals/{id}") { Content = JsonContent.Create(body, options: DraftKit.Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static async Task<List<string>> CodesAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();

    [Fact]
    public async Task Create_Read_Update_WithETags()
    {
        var api = await app.BearerAsync(DemoUsers.Applicant);
        var (call, direction) = await DemoCallAsync();

        var created = await api.PostAsJsonAsync("/api/v1/pre-proposals", new { callId = call, directionId = direction });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/pre-proposals/{id}", created.Headers.Location!.OriginalString);
        var etag = created.Headers.ETag!.Tag;
        Assert.Equal($"\"{view.GetProperty("version").GetUInt32()}\"", etag);
        Assert.Equal("Draft", view.GetProperty("state").GetString());

        var get = await api.GetAsync($"/api/v1/pre-proposals/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(etag, get.Headers.ETag!.Tag);
        var content = (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content").Deserialize<DraftInput>(DraftKit.Json)!;

        content.Title = "经由接口填写";
        content.Objectives = "目标 🇨🇳";
        var noPrecondition = await api.SendAsync(Put(id, content, null));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noPrecondition.StatusCode);
        Assert.Equal(["DRAFT-IF-MATCH-REQUIRED"], await CodesAsync(noPrecondition));
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await api.SendAsync(Put(id, content, "*"))).StatusCode);

        var first = await api.SendAsync(Put(id, content, etag));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, firstBody.GetProperty("narrativeCount").GetInt32());
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);

        // The same ETag again: the stored content wins nothing silently; 412 with what is stored.
        content.Title = "陈旧的版本";
        var stale = await api.SendAsync(Put(id, content, etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("经由接口填写", problem.GetProperty("current").GetProperty("content").GetProperty("title").GetString());
        Assert.Equal(first.Headers.ETag!.Tag, stale.Headers.ETag!.Tag);
        Assert.Equal("经由接口填写", (await app.LoadAsync(new GrantPortal.Domain.Common.ProposalId(id))).Title);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/pre-proposals?pageSize=100");
        Assert.Contains(list.GetProperty("applications").GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
        Assert.True(list.GetProperty("countsByState").GetProperty("Draft").GetInt32() >= 1);
    }

    [Fact]
    public async Task Update_Invalid_Is400_WithCamelCaseFields()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var api = await app.BearerAsync(DemoUsers.Applicant);
        var (content, version) = await app.ContentAsync(draft.Id);
        content.DurationMonths = 500;

        var response = await api.SendAsync(Put(draft.Id.Value, content, $"\"{version}\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("DRAFT-RANGE", error.GetProperty("code").GetString());
        Assert.Equal("durationMonths", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task AnotherUnitsApplicant_Gets404_OnReadAndUpdate()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var api = await app.BearerAsync(DemoUsers.OtherApplicant);
        var (content, version) = await app.ContentAsync(draft.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/pre-proposals/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(Put(draft.Id.Value, content, $"\"{version}\""))).StatusCode);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/pre-proposals");
        Assert.DoesNotContain(list.GetProperty("applications").GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == draft.Id.Value);
    }

    [Fact]
    public async Task LeadUnitAdmin_SeesItsUnitsDraft_ButCannotUpdateIt()
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var api = await app.BearerAsync(DemoUsers.LeadUnitAdmin);
        var (content, version) = await app.ContentAsync(draft.Id);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/pre-proposals/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.SendAsync(Put(draft.Id.Value, content, $"\"{version}\""))).StatusCode);
        var (call, direction) = await DemoCallAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/pre-proposals", new { callId = call, directionId = direction })).StatusCode);
    }

    [Theory]
    [InlineData(Roles.LeadUnitAdmin)]
    [InlineData(Roles.RecommenderOfficer)]
    [InlineData(Roles.ExchangeCenterStaff)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.PlatformAdmin)]
    public async Task WriteEndpoints_ForOtherRoles_Are403(string role)
    {
        var draft = await app.DraftAsync(o => o.WithAttachments = false);
        var api = await app.ApiClientAsync([role], await app.JinghuaAsync());
        var (call, direction) = await DemoCallAsync();
        var (content, version) = await app.ContentAsync(draft.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/pre-proposals", new { callId = call, directionId = direction })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.SendAsync(Put(draft.Id.Value, content, $"\"{version}\""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/pre-proposals")).StatusCode);
    }

    [Fact]
    public async Task ApplicantApiClient_WithoutAUser_CannotStartADraft()
    {
        var api = await app.ApiClientAsync([Roles.Applicant], await app.JinghuaAsync());
        var (call, direction) = await DemoCallAsync();
        var response = await api.PostAsJsonAsync("/api/v1/pre-proposals", new { callId = call, directionId = direction });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["DRAFT-NO-UNIT"], await CodesAsync(response));
    }

    [Fact]
    public async Task Endpoints_WithoutToken_Are401()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/pre-proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/pre-proposals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/pre-proposals", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Put(Guid.NewGuid(), new DraftInput(), "\"1\""))).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheDraftEndpoints_WithAnExample()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var path = doc.GetProperty("paths").GetProperty("/api/v1/pre-proposals/{id}");
        var put = path.GetProperty("put");
        Assert.False(string.IsNullOrEmpty(put.GetProperty("summary").GetString()));
        Assert.Equal("新能源微电网关键技术国际合作研究",
            put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("title").GetString());
        Assert.True(put.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("428", out _));
        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/pre-proposals").TryGetProperty("post", out _));
    }
}
