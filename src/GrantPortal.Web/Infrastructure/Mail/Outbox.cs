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

    // For a recipient whose language the platform does not know (a mail caused by someone else's
    // action): the platform's languages one after the other, Chinese first, then English, in the
    // subject and in the body.
    public OutboxMessage EnqueueBilingual(string to, string subjectCode, string bodyCode, IReadOnlyDictionary<string, string> args)
    {
        var message = Enqueue(to, subjectCode, bodyCode, CultureInfo.GetCultureInfo(Catalog.DefaultCulture), args);
        var texts = Catalog.Cultures.Select(c => CultureInfo.GetCultureInfo(c))
            .Select(c => (Subject: catalog.Text(subjectCode, c, args), Body: catalog.Text(bodyCode, c, args))).ToList();
        message.Subject = string.Join(" / ", texts.Select(t => t.Subject));
        message.TextBody = string.Join("\n\n" + new string('-', 40) + "\n\n", texts.Select(t => t.Body));
        return message;
    }
}
