using System.Text;
using UglyToad.PdfPig;

namespace GrantPortal.E2E.Support;

// PDFs for journeys: small real ones to upload, and the text of a printed one as PdfPig extracts it.
public static class Pdfs
{
    // The smallest structure a PDF reader accepts: header, objects, xref table with correct offsets,
    // trailer, startxref, %%EOF. The text is ASCII (a standard Type 1 font).
    public static byte[] Minimal(string text)
    {
        var stream = $"BT /F1 12 Tf 72 770 Td ({text.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal)}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    // Compared after NFKC (the embedded CJK font maps some Han characters to Kangxi radicals on
    // extraction) and without whitespace (lines are wrapped).
    public static string Normalize(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    // The page body lies between the printed header (top 80 pt) and footer (bottom 75 pt); PDF
    // coordinates grow upwards from the bottom of the A4 page (842 pt high).
    private const double BodyTop = 842 - 80;
    private const double BodyBottom = 75;

    // The body of every page in reading order, pages joined: text that flows across page breaks.
    public static string BodyText(byte[] pdf)
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

    // The text of each page, normalized.
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => Normalize(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
    }
}
