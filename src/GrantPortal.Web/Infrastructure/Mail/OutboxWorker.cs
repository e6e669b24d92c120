using GrantPortal.Web.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GrantPortal.Web.Infrastructure.Mail;

// Delivers the outbox over SMTP. Several app instances may run it: each batch is claimed with
// FOR UPDATE SKIP LOCKED inside a transaction, so a mail is sent by one instance only.
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverBatchAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(ex);
            }
            try
            {
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Outbox
            .FromSql($"""SELECT * FROM outbox_messages WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Attempts" < {options.Value.MaxAttempts} ORDER BY "CreatedAt" LIMIT 20 FOR UPDATE SKIP LOCKED""")
            .ToListAsync(ct);
        if (batch.Count == 0) return 0;

        using var smtp = new SmtpClient();
        try
        {
            await ConnectAsync(smtp, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var m in batch) Fail(m, ex, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            LogSmtpUnreachable(options.Value.Host, options.Value.Port, ex.Message);
            return 0;
        }
        foreach (var m in batch)
        {
            try
            {
                await smtp.SendAsync(ToMime(m), ct);
                m.SentAt = clock.GetUtcNow();
                m.Attempts++;
                m.LastError = null;
                LogSent(m.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(m, ex, now);
            }
        }
        await smtp.DisconnectAsync(true, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    private static void Fail(OutboxMessage m, Exception ex, DateTimeOffset now)
    {
        m.Attempts++;
        m.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        // Back off: 10 s, 20 s, 40 s ... capped at one hour.
        m.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, m.Attempts - 1)));
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        var o = options.Value;
        var security = o.Security switch
        {
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await smtp.ConnectAsync(o.Host, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.User)) await smtp.AuthenticateAsync(o.User, o.Password ?? "", ct);
    }

    private MimeMessage ToMime(OutboxMessage m)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(m.ToAddress));
        message.Subject = m.Subject;
        message.MessageId = $"{m.Id}@grantportal";
        var body = new BodyBuilder { TextBody = m.TextBody };
        if (m.HtmlBody is not null) body.HtmlBody = m.HtmlBody;
        message.Body = body.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} sent")]
    private partial void LogSent(Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} unreachable: {Reason}; check the Smtp__Host and Smtp__Port settings")]
    private partial void LogSmtpUnreachable(string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox batch failed")]
    private partial void LogBatchFailed(Exception ex);
}
