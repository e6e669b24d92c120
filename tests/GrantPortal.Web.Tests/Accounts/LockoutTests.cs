using System.Net;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static GrantPortal.Web.Tests.Accounts.AccountTestKit;

namespace GrantPortal.Web.Tests.Accounts;

// Accounts:MaxFailedAttempts (5) failures lock the account for Accounts:LockoutMinutes (15), on
// the injected clock (AppUserManager), so the fake clock can move past the lockout.
public sealed class LockoutTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private async Task FailFiveTimesAsync(string email)
    {
        for (var i = 0; i < 5; i++)
        {
            var response = await app.CreateBrowser().LoginAsync(email, "Wrong-Password-" + i);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Lockout_AfterFiveFailures_RefusesRightPassword_UntilClockPassesLockout()
    {
        var email = UniqueEmail("lock");
        await app.ConfirmedUserAsync(email);
        var lockedAt = app.Clock.GetUtcNow();

        await FailFiveTimesAsync(email);
        var refused = await app.CreateBrowser().LoginAsync(email, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Login.LockedOut", LoginErrorCode(await refused.Content.ReadAsStringAsync()));

        var end = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).LockoutEnd));
        Assert.Equal(lockedAt.AddMinutes(15), end);

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, await app.SignInStatusAsync(email, GoodPassword));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, await app.SignInStatusAsync(email, GoodPassword));
    }

    [Fact]
    public async Task Lockout_FourFailures_DoNotLock()
    {
        var email = UniqueEmail("four");
        await app.ConfirmedUserAsync(email);
        for (var i = 0; i < 4; i++) await app.CreateBrowser().LoginAsync(email, "Wrong-Password");

        Assert.Equal(HttpStatusCode.Redirect, await app.SignInStatusAsync(email, GoodPassword));
    }

    [Fact]
    public async Task ResetPassword_LiftsLockout_AndOldPasswordStopsWorking()
    {
        var email = UniqueEmail("resetlock");
        var user = await app.ConfirmedUserAsync(email);
        await FailFiveTimesAsync(email);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        const string newPassword = "After-Lockout-2026";
        var link = $"/Accounts/ResetPassword?userId={user.Id}&code={AccountMails.EncodeToken(token)}";

        var reset = await app.CreateBrowser().PostFormAsync(link,
            new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword });

        Assert.Contains("id=\"reset-done\"", await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await app.SignInStatusAsync(email, GoodPassword));
        Assert.Equal(HttpStatusCode.Redirect, await app.SignInStatusAsync(email, newPassword));
    }

    [Fact]
    public async Task ResetPassword_WithMismatchOrBadToken_ShowsCodes()
    {
        var user = await app.ConfirmedUserAsync(UniqueEmail("badreset"));
        var link = $"/Accounts/ResetPassword?userId={user.Id}&code={AccountMails.EncodeToken("not-a-token")}";

        var mismatch = await app.CreateBrowser().PostFormAsync(link,
            new Dictionary<string, string> { ["Password"] = "Valid-Password-1", ["ConfirmPassword"] = "Other-Password-1" });
        var badToken = await app.CreateBrowser().PostFormAsync(link,
            new Dictionary<string, string> { ["Password"] = "Valid-Password-1", ["ConfirmPassword"] = "Valid-Password-1" });

        Assert.Equal(["Account.PasswordsDiffer"], FieldCodes(await mismatch.Content.ReadAsStringAsync(), "ConfirmPassword"));
        Assert.Contains("data-code=\"Account.LinkInvalid\"", await badToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, await app.SignInStatusAsync(user.Email!, GoodPassword));
    }

    [Fact]
    public async Task AdminLock_RefusesSignIn_WithDisabled_ResetDoesNotLiftIt_UnlockDoes()
    {
        var email = UniqueEmail("disabled");
        var user = await app.ConfirmedUserAsync(email);
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var locked = await admin.PostFormAsync($"/Admin/Users/Edit?id={user.Id}&handler=Lock", new Dictionary<string, string>(), formUrl: $"/Admin/Users/Edit?id={user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        // Disabling an account is a change of the user: audited with who did it (issue 3, point 9).
        var audit = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries
            .Where(a => a.EntityType == "User" && a.EntityId == user.Id.ToString()).ToList()));
        Assert.Contains(audit, a => a.UserName == DemoUsers.Admin && a.Changes.Contains("LockoutEnd", StringComparison.Ordinal));
        var refused = await app.CreateBrowser().LoginAsync(email, GoodPassword);
        Assert.Equal("Login.Disabled", LoginErrorCode(await refused.Content.ReadAsStringAsync()));

        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        var link = $"/Accounts/ResetPassword?userId={user.Id}&code={AccountMails.EncodeToken(token)}";
        await app.CreateBrowser().PostFormAsync(link,
            new Dictionary<string, string> { ["Password"] = GoodPassword + "x", ["ConfirmPassword"] = GoodPassword + "x" });
        app.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(HttpStatusCode.OK, await app.SignInStatusAsync(email, GoodPassword + "x"));

        admin = await app.SignedInAsync(DemoUsers.Admin);
        var unlocked = await admin.PostFormAsync($"/Admin/Users/Edit?id={user.Id}&handler=Unlock", new Dictionary<string, string>(), formUrl: $"/Admin/Users/Edit?id={user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await app.SignInStatusAsync(email, GoodPassword + "x"));
    }
}
