using System.Globalization;
using System.Text;
using GrantPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace GrantPortal.Web.Infrastructure.Identity;

// The mails of the account journeys, written to the outbox of the current unit of work (so they
// leave only if the change that causes them commits), in the current UI language, with an absolute
// link: App:PublicUrl when configured (behind a proxy the request's host may be internal), else
// the request's scheme and host.
public sealed class AccountMails(UserManager<AppUser> users, Outbox outbox, IConfiguration configuration, IHttpContextAccessor http)
{
    public async Task EnqueueConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        Enqueue(user, "Mail.ConfirmEmail.Subject", "Mail.ConfirmEmail.Body", Link("/Accounts/ConfirmEmail", user, token));
    }

    public async Task EnqueuePasswordResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Enqueue(user, "Mail.ResetPassword.Subject", "Mail.ResetPassword.Body", Link("/Accounts/ResetPassword", user, token));
    }

    // An account created by the platform admin has no password yet: the link sets the first one.
    public async Task EnqueueAccountCreatedAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Enqueue(user, "Mail.AccountCreated.Subject", "Mail.AccountCreated.Body", Link("/Accounts/ResetPassword", user, token));
    }

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private void Enqueue(AppUser user, string subject, string body, string link) =>
        outbox.Enqueue(user.Email!, subject, body, CultureInfo.CurrentUICulture, new Dictionary<string, string>
        {
            ["name"] = user.DisplayName,
            ["email"] = user.Email!,
            ["link"] = link,
        });

    private string Link(string path, AppUser user, string token) =>
        BaseUrl() + path + QueryString.Create(new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["code"] = EncodeToken(token),
        }).ToUriComponent();

    private string BaseUrl()
    {
        if (configuration["App:PublicUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("App:PublicUrl is not set and there is no request to take the host from.");
        return request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent();
    }
}
