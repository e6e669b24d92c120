using System.Net;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Accounts;

// Small helpers for the account tests: unique addresses, the codes a page shows, mail links.
public static partial class AccountTestKit
{
    public const string GoodPassword = "Grant-Portal-2026";

    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@test.grantportal.test";

    public static Task<UnitId> UnitIdAsync(this GrantPortalFactory app, string creditCode) =>
        app.WithDbAsync(db => db.Units.Where(u => u.SocialCreditCode == creditCode).Select(u => u.Id).SingleAsync());

    // The codes shown beside a field: <div id="<Field>-error" data-codes="...">.
    public static IReadOnlyList<string> FieldCodes(string html, string field)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(field)}-error\" data-codes=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    public static string? LoginErrorCode(string html) => LoginError().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static Dictionary<string, string> Registration(string email, Guid unitId, string name = "测试 申请人", string password = GoodPassword, string? confirm = null) => new()
    {
        ["DisplayName"] = name,
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = confirm ?? password,
        ["UnitId"] = unitId.ToString(),
    };

    public static string Link(string text, string page)
    {
        var match = Regex.Match(text, $@"https?://\S+/Accounts/{page}\?\S+");
        Assert.True(match.Success, $"No /Accounts/{page} link in the mail:\n{text}");
        return new Uri(match.Value).PathAndQuery;
    }

    // A confirmed user with a password, made directly through UserManager (for the lockout tests).
    public static async Task<AppUser> ConfirmedUserAsync(this GrantPortalFactory app, string email, string role = Roles.Applicant, string password = GoodPassword)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var unit = await app.UnitIdAsync(SeedRegistry.UniversityCode);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "测试", UnitId = unit, CreatedAt = app.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public static async Task<HttpClient> SignedInWithAsync(this GrantPortalFactory app, string email, string password)
    {
        var client = app.CreateBrowser();
        var response = await client.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpStatusCode> SignInStatusAsync(this GrantPortalFactory app, string email, string password) =>
        (await app.CreateBrowser().LoginAsync(email, password)).StatusCode;

    // The outbox worker sleeps on the (fake) clock between polls: move the clock a poll ahead
    // until the mail has gone through SMTP and shows up in the catcher.
    public static async Task<MailCatcher.Mail> MailAsync(this GrantPortalFactory app, string to, Func<MailCatcher.Mail, bool>? match = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(3));
            try
            {
                return await MailCatcher.WaitForAsync(to, TimeSpan.FromSeconds(1), match);
            }
            catch (TimeoutException) when (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
            }
        }
    }

    [GeneratedRegex("id=\"login-error\" data-code=\"([^\"]+)\"")]
    private static partial Regex LoginError();
}
