using System.Globalization;
using System.Text;

namespace GrantPortal.Web.Infrastructure.Pdf;

// Line breaking for mixed Chinese and Latin text: Chinese has no spaces, so a line may break
// between any two CJK characters; Latin words (and numbers, codes, hashes) stay whole unless a
// single word is wider than the line. Closing punctuation (，。） …) never starts a line: it hangs
// at the end of the previous one. Line breaks typed by the user are kept.
public static class LineBreaker
{
    private const string Closing = "，。、；：？！）》」』】〕〉”’…,.;:!?)]}%";

    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = new StringBuilder();
            var used = 0.0;
            foreach (var token in Tokens(paragraph))
            {
                if (token == " ")
                {
                    if (line.Length == 0) continue;
                    var space = measure(token);
                    if (used + space > width) { Flush(); continue; }
                    line.Append(token);
                    used += space;
                    continue;
                }
                var w = measure(token);
                if (used + w <= width || (line.Length > 0 && IsClosing(token)))
                {
                    line.Append(token);
                    used += w;
                    continue;
                }
                if (w <= width)
                {
                    Flush();
                    line.Append(token);
                    used = w;
                    continue;
                }
                // A word wider than a whole line (a long URL or code) is broken between characters,
                // starting right where the line stands.
                foreach (var element in Elements(token))
                {
                    var ew = measure(element);
                    if (used + ew > width && line.Length > 0) Flush();
                    line.Append(element);
                    used += ew;
                }
            }
            Flush();

            void Flush()
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                used = 0;
            }
        }
        return lines;
    }

    // Line ends to \n, tabs and other control characters to spaces (the font has no glyph for them).
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            sb.Append(c == '\n' ? c : char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c);
        return sb.ToString();
    }

    private static bool IsClosing(string token) => token.Length == 1 && Closing.Contains(token[0], StringComparison.Ordinal);

    // A CJK character (or full-width form) is a token of its own; a run of other non-space
    // characters is a word; each space is a token.
    private static IEnumerable<string> Tokens(string paragraph)
    {
        var word = new StringBuilder();
        foreach (var element in Elements(paragraph))
        {
            if (element == " " || IsCjk(element) || (IsClosing(element) && word.Length == 0))
            {
                if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
                yield return element;
            }
            else
            {
                word.Append(element);
            }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private static IEnumerable<string> Elements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) yield return e.GetTextElement();
    }

    private static bool IsCjk(string element)
    {
        var rune = Rune.GetRuneAt(element, 0).Value;
        return rune is >= 0x2E80 and <= 0x9FFF    // radicals, punctuation, kana, Han
            or >= 0xAC00 and <= 0xD7AF            // Hangul
            or >= 0xF900 and <= 0xFAFF            // compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F            // vertical forms
            or >= 0xFF00 and <= 0xFFEF            // full-width forms
            or >= 0x20000 and <= 0x3FFFF;         // Han extensions
    }
}
