namespace GrantPortal.Web.Infrastructure.Mail;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    // None | StartTls | SslOnConnect
    public string Security { get; set; } = "None";
    public string From { get; set; } = "GrantPortal <noreply@grantportal.local>";
    public int PollSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 10;
}
