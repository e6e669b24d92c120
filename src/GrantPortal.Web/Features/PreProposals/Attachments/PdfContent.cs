using System.Globalization;
using System.Text;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// What makes an upload a PDF, judged by its bytes alone (never by its name or Content-Type).
public static class PdfContent
{
    // "%PDF-1.x" or "%PDF-2.x". ISO 32000-1 §7.5.2 and ISO 32000-2 §7.5.2: the first line of the file
    // *is* the header. Readers tolerate up to 1024 bytes of junk before it (an implementation note of
    // Acrobat), but we accept it strictly at offset 0: every conforming writer puts it there, PDF/A
    // requires it, and a tolerance would let a renamed file of another format that happens to contain
    // "%PDF-" near its start through.
    public const int HeaderLength = 8;

    public static bool HasHeader(ReadOnlySpan<byte> first) =>
        first.Length >= HeaderLength
        && first[..5].SequenceEqual("%PDF-"u8)
        && first[5] is (byte)'1' or (byte)'2'
        && first[6] == (byte)'.'
        && first[7] is >= (byte)'0' and <= (byte)'9';

    // ISO 32000 §7.5.5: the file ends with "startxref", the offset of the cross-reference section, and
    // "%%EOF"; writers add an end-of-line marker and some add padding, so trailing white-space
    // characters (§7.2.2: NUL, TAB, LF, FF, CR, SP) are allowed after it. A truncated download or a
    // partly copied file fails here.
    public static bool HasTrailer(ReadOnlySpan<byte> tail)
    {
        var end = tail.Length;
        while (end > 0 && tail[end - 1] is 0 or 9 or 10 or 12 or 13 or 32) end--;
        var body = tail[..end];
        if (!body.EndsWith("%%EOF"u8)) return false;
        var startxref = body[..^5].LastIndexOf("startxref"u8);
        if (startxref < 0) return false;
        // Between them: white space and the decimal offset.
        var offset = Encoding.ASCII.GetString(body[(startxref + 9)..^5]).Trim(' ', '\t', '\r', '\n', '\f', '\0');
        return offset.Length > 0 && long.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    // The name the user gave, made safe to show and to put in a Content-Disposition header: no
    // directory part, no control or bidirectional-format characters, none of the characters file
    // systems reject, at most 255 characters, ending in .pdf.
    public static string SafeFileName(string? name)
    {
        var raw = (name ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator) continue;
            if (rune.IsAscii && "<>:\"|?*".Contains((char)rune.Value)) { sb.Append('_'); continue; }
            sb.Append(rune.ToString());
        }
        var safe = sb.ToString().Trim().Trim('.').Trim();
        if (safe.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) safe = safe[..^4].TrimEnd().TrimEnd('.');
        if (safe.Length == 0) safe = "attachment";
        var stem = new StringInfo(safe);
        if (stem.LengthInTextElements > 200) safe = stem.SubstringByTextElements(0, 200);
        return safe + ".pdf";
    }
}
