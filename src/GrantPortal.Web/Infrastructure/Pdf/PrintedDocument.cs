using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GrantPortal.Web.Infrastructure.Pdf;

// A flowing A4 document: text is laid out top to bottom and continues on a new page when the page
// is full; every page then gets its header and footer once the page count is known. All text is
// drawn as text (never interpreted), in the embedded CJK font.
public sealed class PrintedDocument : IDisposable
{
    public const double Margin = 50;
    public const double HeaderHeight = 34;
    public const double FooterHeight = 30;

    private readonly PdfDocument _document = new();
    private readonly Dictionary<(double, bool), XFont> _fonts = [];
    private XGraphics? _gfx;
    private double _y;

    public PrintedDocument(string title)
    {
        CjkFont.EnsureRegistered();
        _document.Info.Title = title;
        _document.Info.Creator = "GrantPortal";
        _document.Options.CompressContentStreams = true;
        NewPage();
    }

    // A4 in points (210 × 297 mm).
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public static double ContentWidth => PageWidth - 2 * Margin;
    private static double Bottom => PageHeight - Margin - FooterHeight;

    public XFont Font(double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
            _fonts[(size, bold)] = font;
        }
        return font;
    }

    private XGraphics Gfx => _gfx ?? throw new ObjectDisposedException(nameof(PrintedDocument));

    public double Measure(string text, XFont font) => Gfx.MeasureString(text, font).Width;

    public static double LineHeight(XFont font) => font.Size * 1.55;

    public void Space(double height) => _y += height;

    // Whether a block of this height still fits on the current page (above the footer).
    public bool Fits(double height) => _y + height <= Bottom;

    public void EnsureSpace(double height)
    {
        if (!Fits(height)) NewPage();
    }

    // A paragraph wrapped to the width, continued on the next page if needed.
    public void Paragraph(string text, double size = 10, bool bold = false, double indent = 0, XStringAlignment align = XStringAlignment.Near)
    {
        var font = Font(size, bold);
        var width = ContentWidth - indent;
        foreach (var line in LineBreaker.Wrap(text, width, s => Measure(s, font)))
        {
            EnsureSpace(LineHeight(font));
            var x = Margin + indent;
            if (align == XStringAlignment.Center) x = Margin + (ContentWidth - Measure(line, font)) / 2;
            Gfx.DrawString(line, font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
            _y += LineHeight(font);
        }
    }

    // A label and its value side by side; the value wraps within its column.
    public void Field(string label, string value, double labelWidth = 150, double size = 10)
    {
        var font = Font(size);
        var labelFont = Font(size, bold: true);
        var labelLines = LineBreaker.Wrap(label, labelWidth - 8, s => Measure(s, labelFont));
        var valueLines = LineBreaker.Wrap(value, ContentWidth - labelWidth, s => Measure(s, font));
        var lineHeight = LineHeight(font);
        // Keep a short field on one page; a long one flows line by line.
        if (Math.Max(labelLines.Count, valueLines.Count) <= 4) EnsureSpace(lineHeight * Math.Max(labelLines.Count, valueLines.Count));
        for (var i = 0; i < Math.Max(labelLines.Count, valueLines.Count); i++)
        {
            EnsureSpace(lineHeight);
            if (i < labelLines.Count) Gfx.DrawString(labelLines[i], labelFont, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
            if (i < valueLines.Count) Gfx.DrawString(valueLines[i], font, XBrushes.Black, Margin + labelWidth, _y, XStringFormats.TopLeft);
            _y += lineHeight;
        }
    }

    public void Heading(string text, double size = 12)
    {
        EnsureSpace(LineHeight(Font(size)) * 3);
        Space(6);
        Paragraph(text, size, bold: true);
        Gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, _y, Margin + ContentWidth, _y);
        Space(4);
    }

    // A free-form block of the given height (boxes, signature lines), kept on one page.
    public void Block(double height, Action<XGraphics, XRect> draw)
    {
        EnsureSpace(height);
        draw(Gfx, new XRect(Margin, _y, ContentWidth, height));
        _y += height;
    }

    // Draws the header and footer of every page (page number, count) and returns the PDF bytes.
    public byte[] Finish(Action<XGraphics, int, int> decorate)
    {
        _gfx?.Dispose();
        _gfx = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            decorate(gfx, i + 1, count);
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin + HeaderHeight;
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }
}
