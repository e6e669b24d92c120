using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace GrantPortal.E2E.Support;

// Reads mail back from the SMTP catcher (maildev) through its REST API: GET /email.
public static class Mailbox
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public sealed record Mail(string Subject, string Text, IReadOnlyList<string> To);

    public static Task<Mail> WaitForAsync(string to, TimeSpan timeout) => WaitForAsync(to, _ => true, timeout);

    // The latest mail to `to` that matches (e.g. by subject), once it has arrived.
    public static async Task<Mail> WaitForAsync(string to, Func<Mail, bool> match, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var mails = await Http.GetFromJsonAsync<JsonElement[]>(E2EEnvironment.MailCatcherUrl.TrimEnd('/') + "/email") ?? [];
            foreach (var m in mails.Reverse())
            {
                var recipients = m.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString() ?? "").ToList();
                if (!recipients.Contains(to, StringComparer.OrdinalIgnoreCase)) continue;
                var mail = new Mail(
                    m.TryGetProperty("subject", out var s) ? s.GetString() ?? "" : "",
                    m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
                    recipients);
                if (match(mail)) return mail;
            }
            if (watch.Elapsed > timeout) throw new TimeoutException($"No mail to {to} arrived in the catcher within {timeout}.");
            await Task.Delay(250);
        }
    }
}
