using System.Text;

namespace GrantPortal.Web.Features.OngoingProjects.Import;

// A small RFC 4180 reader: fields separated by commas, records by CRLF (or LF), fields in double
// quotes may hold commas, line breaks and doubled quotes. It streams: one record at a time.
// Blank lines are skipped. A malformed record (an unterminated quote, text after a closing quote)
// is returned with Malformed set, and reading goes on with the next line.
public sealed class CsvReader(TextReader reader)
{
    private readonly char[] buffer = new char[64 * 1024];
    private int length;
    private int position;
    private int line = 1;

    public sealed record Record(int Line, IReadOnlyList<string> Fields, bool Malformed);

    public async ValueTask<Record?> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            if (!await FillAsync(ct)) return null;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var malformed = false;
            var quoted = false;      // inside a quoted field
            var wasQuoted = false;   // the current field was quoted (and closed)
            var ended = false;
            while (!ended)
            {
                if (!await FillAsync(ct))
                {
                    if (quoted) malformed = true;
                    break;
                }
                var c = buffer[position++];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (!await FillAsync(ct)) { quoted = false; wasQuoted = true; continue; }
                        if (buffer[position] == '"') { field.Append('"'); position++; }
                        else { quoted = false; wasQuoted = true; }
                    }
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    continue;
                }
                switch (c)
                {
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        wasQuoted = false;
                        break;
                    case '\r':
                        break;
                    case '\n':
                        line++;
                        ended = true;
                        break;
                    case '"' when field.Length == 0 && !wasQuoted:
                        quoted = true;
                        break;
                    default:
                        if (wasQuoted || c == '"') malformed = true;
                        field.Append(c);
                        break;
                }
            }
            fields.Add(field.ToString());
            if (!malformed && fields.Count == 1 && fields[0].Length == 0 && !wasQuoted) continue; // a blank line
            return new Record(start, fields, malformed);
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (position < length) return true;
        length = await reader.ReadAsync(buffer.AsMemory(), ct);
        position = 0;
        return length > 0;
    }
}
