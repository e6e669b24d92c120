using System.Globalization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Persistence;

namespace GrantPortal.Web.Infrastructure.Mail;

// Writes a mail into the outbox of the current unit of work; it is sent only if the transaction
// that wrote it commits. Subject and body are rendered from the catalog in the recipient's language.
public sealed class Outbox(AppDbContext db, Catalog catalog, TimeProvider clock)
{
    public OutboxMessage Enqueue(string to, string subjectCode, string bodyCode, CultureInfo culture, IReadOnlyDictionary<string, string> args)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            CreatedAt = now,
            NextAttemptAt = now,
            ToAddress = to,
            Subject = catalog.Text(subjectCode, culture, args),
            TextBody = catalog.Text(bodyCode, culture, args),
        };
        db.Outbox.Add(message);
        return message;
    }
}
