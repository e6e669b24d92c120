using System.Text;
using UglyToad.PdfPig;

namespace GrantPortal.Web.Tests.Printing;

// Text of a printed PDF as PdfPig extracts it, compared after NFKC (the font maps some Han
// characters to Kangxi radicals on extraction) and without whitespace (lines are wrapped).
public static class PdfText
{
    // The page body lies between the header (top 80 pt) and the footer (bottom 75 pt); PDF
    // coordinates grow upwards from the bottom of the A4 page (842 pt high).
    private const double BodyTop = 842 - 80;
    private const double BodyBottom = 75;

    public static string Normalize(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    // The body of every page in reading order, pages joined: what flows across page breaks.
    public static string Body(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var sb = new StringBuilder();
        foreach (var page in doc.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                var y = letter.StartBaseLine.Y;
                if (y < BodyTop && y > BodyBottom) sb.Append(letter.Value);
            }
        }
        return Normalize(sb.ToString());
    }

    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => Normalize(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
    }

    public static IReadOnlySet<string> FontNames(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().SelectMany(p => p.Letters.Select(l => l.FontName ?? "")).ToHashSet();
    }
}
