using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Recommendations;

// Test data for the recommending units: more officers (of the demo province's unit and of
// another recommending unit), the demo call's deadline, decisions and batches through the real API.
public static class RecommendationKit
{
    public const string SecondOfficer = "recommender2@demo.grantportal.test";
    public const string MinistryOfficer = "ministry-officer@demo.grantportal.test";

    public static async Task EnsureOfficerAsync(this GrantPortalFactory app, string email, string unitCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0],
            CreatedAt = app.Clock.GetUtcNow(), UnitId = await app.UnitIdAsync(unitCode),
        };
        Assert.True((await users.CreateAsync(user, SubmissionKit.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.RecommenderOfficer)).Succeeded);
    }

    public static Task EnsureOfficersAsync(this GrantPortalFactory app) =>
        Task.WhenAll(app.EnsureOfficerAsync(SecondOfficer, SeedRegistry.ProvinceCode), app.EnsureOfficerAsync(MinistryOfficer, SeedRegistry.MinistryCode));

    public static Task SetDeadlineAsync(this GrantPortalFactory app, DateTimeOffset deadline) =>
        app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Code == SeedCalls.CodeDemo);
            call.RecommenderDeadline = deadline;
            await db.SaveChangesAsync();
        });

    public static Task<GrantCall> DemoCallAsync(this GrantPortalFactory app) =>
        app.WithDbAsync(db => db.Calls.AsNoTracking().Include(c => c.Directions).SingleAsync(c => c.Code == SeedCalls.CodeDemo));

    public static Task<uint> VersionAsync(this GrantPortalFactory app, ProposalId id) =>
        app.WithDbAsync(db => db.PreProposals.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

    public static async Task<HttpResponseMessage> DecideAsync(this HttpClient client, GrantPortalFactory app, ProposalId id, string decision, string? reason = null, uint? version = null) =>
        await client.PostAsJsonAsync($"/api/v1/recommendations/applications/{id}/decision",
            new { decision, reason, version = version ?? await app.VersionAsync(id) });

    public static Task<HttpResponseMessage> SendBatchAsync(this HttpClient client, CallId call) =>
        client.PostAsJsonAsync("/api/v1/recommendations/batches", new { callId = call.Value });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<UnitId> AddUnitAsync(this GrantPortalFactory app, Unit unit)
    {
        await app.WithDbAsync(async db =>
        {
            db.Units.Add(unit);
            await db.SaveChangesAsync();
        });
        return unit.Id;
    }

    public static Task AddMembershipAsync(this GrantPortalFactory app, UnitId list, UnitId member, DateOnly? from = null, DateOnly? until = null) =>
        app.WithDbAsync(async db =>
        {
            db.UnitMemberships.Add(new UnitMembership { RecommendingUnitId = list, MemberUnitId = member, From = from, Until = until });
            await db.SaveChangesAsync();
        });

    public static Task<List<string>> OutboxToAsync(this GrantPortalFactory app, string subjectContains) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains(subjectContains)).Select(m => m.ToAddress).ToListAsync());
}
