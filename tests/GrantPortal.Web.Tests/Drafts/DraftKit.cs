using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.Edit;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Drafts;

// Drives the draft's edit page as its script does (JSON autosave with the antiforgery token in a
// header) and reads drafts back from the database.
public static partial class DraftKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Saved(HttpStatusCode Status, JsonElement Body)
    {
        public uint Version => Body.GetProperty("version").GetUInt32();
        public IReadOnlyList<string> Codes => Body.TryGetProperty("errors", out var e) ? e.EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToList() : [];
        public IReadOnlyList<string?> Fields => Body.TryGetProperty("errors", out var e) ? e.EnumerateArray().Select(x => x.GetProperty("field").GetString()).ToList() : [];
    }

    // The edit page's antiforgery request token (data-token on the form).
    public static async Task<string> EditTokenAsync(this HttpClient client, ProposalId id)
    {
        var html = await (await client.GetAsync($"/PreProposals/Edit/{id}")).Content.ReadAsStringAsync();
        var token = FormToken().Match(html);
        if (token.Success) return WebUtility.HtmlDecode(token.Groups[1].Value);
        // A page without the form (not editable): the sign-out form's token is the user's token too.
        var layout = LayoutToken().Match(html);
        return layout.Success ? WebUtility.HtmlDecode(layout.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page");
    }

    public static async Task<Saved> SaveAsync(this HttpClient client, ProposalId id, uint version, DraftInput content, string? token = null)
    {
        token ??= await client.EditTokenAsync(id);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/PreProposals/Edit/{id}?handler=Save")
        {
            Content = JsonContent.Create(new { version, content }, options: Json),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Saved(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    // The draft's content as the page would send it.
    public static async Task<(DraftInput Content, uint Version)> ContentAsync(this GrantPortalFactory app, ProposalId id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var p = await db.PreProposals.AsNoTracking().SingleAsync(x => x.Id == id);
        var direction = await db.Directions.AsNoTracking().SingleAsync(d => d.Id == p.DirectionId);
        return (DraftInput.From(p, direction.Indicators.Count), p.Version);
    }

    public static Task<PreProposal> LoadAsync(this GrantPortalFactory app, ProposalId id) =>
        app.WithDbAsync(db => db.PreProposals.AsNoTracking().SingleAsync(p => p.Id == id));

    // Another applicant of 京华大学 (pi@'s unit), signed-in ready (password = demo password).
    public static async Task<(Guid Id, string Email)> ColleagueAsync(this GrantPortalFactory app, string role = Roles.Applicant, string unitCode = "")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var code = unitCode.Length == 0 ? SeedRegistry.UniversityCode : unitCode;
        var unit = await db.Units.Where(u => u.SocialCreditCode == code).Select(u => u.Id).SingleAsync();
        var email = $"colleague-{Guid.NewGuid():N}@test.grantportal.test";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "同事", UnitId = unit, CreatedAt = app.Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, Seeder.DefaultDemoPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(user, role);
        return (user.Id, email);
    }

    public static async Task<HttpClient> BearerAsync(this GrantPortalFactory app, string email)
    {
        var tokens = await app.UserTokensAsync(email);
        return app.CreateClient().WithBearer(tokens.AccessToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex LayoutToken();

    [GeneratedRegex("data-token=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
