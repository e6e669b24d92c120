using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Submission;

// Test data and calls for the submission tests: proposals put in a state directly in the
// database (later issues' transitions such as endorsement do not exist yet), the demo call's window
// set around the fake clock, real tokens and sign-ins.
public static partial class SubmissionKit
{
    public const string Password = Seeder.DefaultDemoPassword;
    public const string OtherLeadAdmin = "lead2@demo.grantportal.test";

    public static async Task<UnitId> UnitIdAsync(this GrantPortalFactory app, string creditCode) =>
        await app.WithDbAsync(db => db.Units.Where(u => u.SocialCreditCode == creditCode).Select(u => u.Id).SingleAsync());

    public static Task<UnitId> RecommenderUnitAsync(this GrantPortalFactory app) => app.UnitIdAsync(SeedRegistry.ProvinceCode);

    // The demo call's window around the fake clock (which only moves forward): opened a day ago,
    // closing at 16:00 Beijing time in a month.
    public static async Task OpenWindowAsync(this GrantPortalFactory app)
    {
        var now = app.Clock.GetUtcNow();
        await app.SetWindowAsync(now.AddDays(-1), BeijingTime.At(BeijingTime.Today(now).AddDays(30), new TimeOnly(16, 0)));
        await app.WithoutCountingRulesAsync();
    }

    // These tests submit many drafts of the same PI, team and title in one call, to test the
    // mechanics of submission; the rules that count across applications (issue 5) would refuse all
    // but the first, so the demo call leaves them out here. tests/.../Eligibility tests them.
    private static readonly string[] CountingRules =
        ["PI-ONE-APPLICATION", "KEY-MEMBER-LIMIT", "FOREIGN-MEMBER-LIMIT", "FOREIGN-LEAD-ONE-PARTNER", "UNIT-ONE-RECOMMENDER"];

    public static Task WithoutCountingRulesAsync(this GrantPortalFactory app) =>
        app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Code == SeedCalls.CodeDemo);
            if (!call.RuleIds.Any(CountingRules.Contains)) return;
            call.RuleIds = [.. call.RuleIds.Where(r => !CountingRules.Contains(r))];
            await db.SaveChangesAsync();
        });

    public static Task SetWindowAsync(this GrantPortalFactory app, DateTimeOffset opens, DateTimeOffset closes) =>
        app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Code == SeedCalls.CodeDemo);
            call.PreWindowOpens = opens;
            call.PreWindowCloses = closes;
            if (call.RecommenderDeadline < closes) call.RecommenderDeadline = closes.AddDays(2);
            await db.SaveChangesAsync();
        });

    public static Task SetStateAsync(this GrantPortalFactory app, ProposalId id, ApplicationState state) =>
        app.WithDbAsync(async db =>
        {
            var p = await db.PreProposals.SingleAsync(x => x.Id == id);
            p.State = state;
            await db.SaveChangesAsync();
        });

    // Endorsed by recommender@ and sent to the Exchange Center in a batch, through the real API:
    // only then does the Exchange Center see it (an endorsed application not sent yet is still the
    // recommending unit's business). The batch takes every endorsed, unsent application of the unit.
    public static async Task EndorseAndSendAsync(this GrantPortalFactory app, ProposalId id)
    {
        var officer = await app.UserApiAsync(DemoUsers.Recommender);
        var (version, call) = await app.WithDbAsync(async db =>
            await db.PreProposals.Where(p => p.Id == id).Select(p => new ValueTuple<uint, CallId>(p.Version, p.CallId)).SingleAsync());
        var decided = await officer.PostAsJsonAsync($"/api/v1/recommendations/applications/{id}/decision", new { decision = "Endorse", version });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var sent = await officer.PostAsJsonAsync("/api/v1/recommendations/batches", new { callId = call.Value });
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
    }

    // A filled draft of pi@ with its attachments, in state Complete.
    public static async Task<PreProposal> CompleteAsync(this GrantPortalFactory app, Action<Proposals.DraftOptions>? options = null)
    {
        var draft = await app.DraftAsync(options);
        await app.SetStateAsync(draft.Id, ApplicationState.Complete);
        return draft;
    }

    // A submitted one (through the real API as lead@), to the recommending unit of recommender@.
    public static async Task<(PreProposal Proposal, JsonElement Receipt)> SubmittedAsync(this GrantPortalFactory app, Action<Proposals.DraftOptions>? options = null)
    {
        await app.OpenWindowAsync();
        var p = await app.CompleteAsync(options);
        var lead = await app.UserApiAsync(DemoUsers.LeadUnitAdmin);
        var response = await lead.SubmitAsync(p.Id, await app.RecommenderUnitAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (p, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, ProposalId id, UnitId? unit, bool confirmed = true, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pre-proposals/{id}/submit")
        {
            Content = JsonContent.Create(new { recommendingUnitId = unit?.Value, unitIntegrityConfirmed = confirmed }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    // An API client acting as a demo user (authorization code flow, real token).
    public static async Task<HttpClient> UserApiAsync(this GrantPortalFactory app, string email)
    {
        var tokens = await app.UserTokensAsync(email);
        return app.CreateClient().WithBearer(tokens.AccessToken);
    }

    // A lead-unit administrator of 东海大学 (pi2@'s unit), which is not the lead unit of pi@'s drafts.
    public static async Task EnsureOtherLeadAdminAsync(this GrantPortalFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(OtherLeadAdmin) is not null) return;
        var user = new AppUser
        {
            UserName = OtherLeadAdmin, Email = OtherLeadAdmin, EmailConfirmed = true, DisplayName = "东海大学科研院",
            CreatedAt = app.Clock.GetUtcNow(), UnitId = await app.UnitIdAsync(SeedRegistry.SecondUniversityCode),
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.LeadUnitAdmin)).Succeeded);
    }

    public static async Task<IReadOnlyList<string>> ErrorCodesAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
    }

    public static IReadOnlyList<string> DataCodes(string html) =>
        [.. DataCode().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-code=\"([^\"]+)\"")]
    private static partial Regex DataCode();

    public static async Task<List<Transition>> TransitionsAsync(this GrantPortalFactory app, ProposalId id) =>
        await app.WithDbAsync(db => db.Transitions.AsNoTracking().Where(t => t.ProposalId == id).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync());
}
