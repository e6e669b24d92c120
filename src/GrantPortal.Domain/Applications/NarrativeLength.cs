using System.Globalization;

namespace GrantPortal.Domain.Applications;

// PRE-LENGTH: the narrative counts user-perceived characters (extended grapheme clusters, UAX #29)
// not counting whitespace. The browser's counter (wwwroot/js/narrative-counter.js, Intl.Segmenter)
// uses the same definition, and both are tested on the cases of tests/shared/narrative-cases.json.
public static class NarrativeLength
{
    // The Unicode White_Space property, spelled out so that both sides agree exactly.
    private const string WhiteSpace =
        "\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var count = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            if (!IsWhiteSpace(element)) count++;
        }
        return count;
    }

    public static int Count(IEnumerable<string?> sections) => sections.Sum(Count);

    private static bool IsWhiteSpace(string element)
    {
        foreach (var c in element)
        {
            if (!WhiteSpace.Contains(c, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
