using System.Net.Http.Json;
using System.Text.Json;

namespace GrantPortal.Web.Tests.Support;

// Reads mail back from the SMTP catcher (maildev) through its REST API.
public static class MailCatcher
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public sealed record Mail(string Subject, string Text, IReadOnlyList<string> To);

    public static async Task<Mail> WaitForAsync(string to, TimeSpan timeout, Func<Mail, bool>? match = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var mails = await Http.GetFromJsonAsync<JsonElement[]>(TestEnvironment.MailCatcherUrl.TrimEnd('/') + "/email") ?? [];
            foreach (var m in mails.Reverse())
            {
                var recipients = m.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString() ?? "").ToList();
                if (!recipients.Contains(to, StringComparer.OrdinalIgnoreCase)) continue;
                var mail = new Mail(m.GetProperty("subject").GetString() ?? "", m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "", recipients);
                if (match is null || match(mail)) return mail;
            }
            if (watch.Elapsed > timeout) throw new TimeoutException($"No mail to {to} arrived in the catcher within {timeout}.");
            await Task.Delay(250);
        }
    }
}
