using System.Globalization;
using GrantPortal.Domain.Calls;
using GrantPortal.Web.Features.Recommender.Batch;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;

namespace GrantPortal.Web.Features.Recommender.Print;

public enum BatchDocument { Letter, List }

// The recommendation letter (推荐函) and the list of recommended projects (推荐项目清单) of a sent
// batch (DOMAIN.md "Printed documents"). Rendered only from the batch's stored list (the snapshot
// taken when it was sent, whose SHA-256 is the batch's hash), never from today's registry, so that a
// reprint says exactly what was sent. Every page names the document, the batch number, the instant
// of sending, the hash, the instant of printing and where to verify them.
public sealed class BatchPdf(Catalog catalog)
{
    private const double TableFont = 8.5;
    private const double CellPadding = 3;

    public byte[] Render(BatchDocument kind, BatchList list, string number, string hash, DateTimeOffset generatedAt, CultureInfo culture, string verifyUrl)
    {
        string T(string code, params (string Name, string Value)[] args) =>
            catalog.Text(code, culture, args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => a.Value));
        string Or(string code, string fallback) => catalog.Find(code, culture) ?? fallback;
        string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        string Instant(DateTimeOffset instant) =>
            T("Printing.Instant", ("time", BeijingTime.ToBeijing(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));

        var unit = list.RecommendingUnit;
        var unitName = Names(unit.Name, unit.NameEn);
        var title = T(kind == BatchDocument.Letter ? "RecommenderPrint.Letter.Title" : "RecommenderPrint.List.Title");
        using var doc = new PrintedDocument(title + " " + number);

        doc.Paragraph(T("RecommenderPrint.Call", ("title", list.CallTitle), ("code", list.CallCode)), 12, align: XStringAlignment.Center);
        doc.Space(6);
        doc.Paragraph(title, 22, bold: true, align: XStringAlignment.Center);
        doc.Space(12);

        if (kind == BatchDocument.Letter)
        {
            doc.Paragraph(T("RecommenderPrint.Letter.To"), 11, bold: true);
            doc.Space(4);
            doc.Paragraph(T("RecommenderPrint.Letter.Body",
                ("unit", unit.Name), ("call", list.CallTitle), ("code", list.CallCode), ("count", Count(list.Items.Count))), 11, indent: 0);
            doc.Space(4);
            doc.Paragraph(T("RecommenderPrint.Letter.Pledge"), 11);
            doc.Space(8);

            doc.Heading(T("RecommenderPrint.Section.Unit"));
            doc.Field(T("RecommenderPrint.UnitName"), unitName);
            if (unit.Kind is { } unitKind) doc.Field(T("RecommenderPrint.UnitKind"), Or("Registries.UnitKind." + unitKind, unitKind));
            doc.Field(T("RecommenderPrint.CreditCode"), unit.SocialCreditCode ?? T("Printing.None"));
            if (!string.IsNullOrWhiteSpace(unit.Province)) doc.Field(T("RecommenderPrint.Province"), unit.Province);
            if (!string.IsNullOrWhiteSpace(unit.SupervisingMinistry)) doc.Field(T("RecommenderPrint.Ministry"), unit.SupervisingMinistry);
            doc.Field(T("RecommenderPrint.Contact"), list.Contact?.Name ?? list.SentBy);
            if (!string.IsNullOrWhiteSpace(list.Contact?.Email)) doc.Field(T("RecommenderPrint.Email"), list.Contact.Email);
            if (!string.IsNullOrWhiteSpace(list.Contact?.Phone)) doc.Field(T("RecommenderPrint.Phone"), list.Contact.Phone);
            doc.Field(T("RecommenderPrint.SentAt"), Instant(list.SentAt));
            doc.Field(T("RecommenderPrint.ProjectCount"), T("RecommenderPrint.Projects", ("count", Count(list.Items.Count))));

            doc.Heading(T("RecommenderPrint.Section.Projects"));
            Table(doc,
            [
                new(T("RecommenderPrint.Column.Index"), 26, i => Count(i.Number)),
                new(T("RecommenderPrint.Column.SubmissionNumber"), 110, i => i.SubmissionNumber),
                new(T("RecommenderPrint.Column.Title"), 0, i => i.Title),
                new(T("RecommenderPrint.Column.LeadUnit"), 130, i => i.LeadUnit),
            ], list.Items);
            doc.Paragraph(T("RecommenderPrint.Letter.Attachment"), 10);
        }
        else
        {
            doc.Field(T("RecommenderPrint.UnitName"), unitName, 110);
            if (unit.Kind is { } unitKind) doc.Field(T("RecommenderPrint.UnitKind"), Or("Registries.UnitKind." + unitKind, unitKind), 110);
            doc.Field(T("RecommenderPrint.SentAt"), Instant(list.SentAt), 110);
            doc.Field(T("RecommenderPrint.ProjectCount"), T("RecommenderPrint.Projects", ("count", Count(list.Items.Count))), 110);
            doc.Space(6);
            Table(doc,
            [
                new(T("RecommenderPrint.Column.Index"), 24, i => Count(i.Number)),
                new(T("RecommenderPrint.Column.SubmissionNumber"), 92, i => i.SubmissionNumber),
                new(T("RecommenderPrint.Column.Title"), 0, i => i.Title),
                new(T("RecommenderPrint.Column.LeadUnit"), 80, i => i.LeadUnit),
                new(T("RecommenderPrint.Column.Pi"), 46, i => i.Pi ?? T("Printing.None")),
                new(T("RecommenderPrint.Column.Direction"), 76, i => i.DirectionNumber + " " + i.DirectionTitle),
                new(T("RecommenderPrint.Column.Budget"), 50, i => i.RequestedBudget is { } b ? b.ToString("0.##", CultureInfo.InvariantCulture) : T("Printing.None")),
            ], list.Items);
            var total = list.Items.Sum(i => i.RequestedBudget ?? 0);
            doc.Paragraph(T("RecommenderPrint.List.Total",
                ("count", Count(list.Items.Count)), ("amount", total.ToString("0.##", CultureInfo.InvariantCulture))), 10);
        }

        // The seal area (盖章处) with the signature and date lines, kept together on one page.
        doc.Space(16);
        var sealFont = doc.Font(11, bold: true);
        var textFont = doc.Font(10);
        var seal = T("RecommenderPrint.Seal", ("unit", unit.Name));
        var signature = T("RecommenderPrint.Signature");
        var date = T("Printing.SealDate");
        doc.Block(160, (g, r) =>
        {
            var pen = new XPen(XColors.Black, 0.8);
            var box = new XRect(r.X, r.Y, r.Width, 110);
            g.DrawRectangle(pen, box);
            var sealLines = LineBreaker.Wrap(seal, box.Width - 20, s => g.MeasureString(s, sealFont).Width);
            for (var i = 0; i < sealLines.Count; i++)
                g.DrawString(sealLines[i], sealFont, XBrushes.Black, box.X + 10, box.Y + 10 + i * PrintedDocument.LineHeight(sealFont), XStringFormats.TopLeft);
            g.DrawString(date, textFont, XBrushes.Black, box.Right - 190, box.Bottom - 24, XStringFormats.TopLeft);
            var y = box.Bottom + 26;
            g.DrawString(signature, textFont, XBrushes.Black, r.X, y, XStringFormats.TopLeft);
            var lineFrom = r.X + g.MeasureString(signature, textFont).Width + 6;
            g.DrawLine(pen, lineFrom, y + 14, lineFrom + 150, y + 14);
            g.DrawString(date, textFont, XBrushes.Black, box.Right - 190, y, XStringFormats.TopLeft);
        });

        var small = doc.Font(7.5);
        var header = T("RecommenderPrint.Header", ("document", title), ("number", number), ("instant", Instant(list.SentAt)));
        var hashLine = T("Printing.HeaderHash", ("hash", hash));
        var generated = T("RecommenderPrint.Generated", ("instant", Instant(generatedAt)));
        var verify = T("Printing.VerifyAt", ("url", verifyUrl));
        return doc.Finish((g, page, count) =>
        {
            var left = PrintedDocument.Margin;
            var right = PrintedDocument.PageWidth - PrintedDocument.Margin;
            var top = PrintedDocument.Margin - 6;
            g.DrawString(header, small, XBrushes.Black, left, top, XStringFormats.TopLeft);
            g.DrawString(hashLine, small, XBrushes.Black, left, top + 10, XStringFormats.TopLeft);
            g.DrawString(generated, small, XBrushes.Black, left, top + 20, XStringFormats.TopLeft);
            g.DrawLine(new XPen(XColors.Gray, 0.5), left, top + 31, right, top + 31);
            var bottom = PrintedDocument.PageHeight - PrintedDocument.Margin - PrintedDocument.FooterHeight + 8;
            g.DrawLine(new XPen(XColors.Gray, 0.5), left, bottom, right, bottom);
            var pageText = T("Printing.PageOf", ("page", page.ToString(CultureInfo.InvariantCulture)), ("count", count.ToString(CultureInfo.InvariantCulture)));
            var pageWidth = g.MeasureString(pageText, small).Width;
            g.DrawString(pageText, small, XBrushes.Black, right - pageWidth, bottom + 5, XStringFormats.TopLeft);
            // The address wraps beside the page number (two lines for a usual host name).
            var lines = LineBreaker.Wrap(verify, right - left - pageWidth - 12, text => g.MeasureString(text, small).Width);
            for (var i = 0; i < lines.Count; i++)
                g.DrawString(lines[i], small, XBrushes.Black, left, bottom + 5 + 10 * i, XStringFormats.TopLeft);
        });
    }

    private sealed record Column(string Title, double Width, Func<BatchListItem, string> Value);

    // A ruled table whose cells wrap; a row never splits across pages, and the column titles are
    // repeated at the top of every page the table continues on. Cells are drawn one after the other,
    // so that each cell's text stays together in the PDF's text order. A column of width 0 takes the
    // rest of the line.
    private static void Table(PrintedDocument doc, IReadOnlyList<Column> columns, IReadOnlyList<BatchListItem> items)
    {
        var rest = PrintedDocument.ContentWidth - columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width == 0 ? rest : c.Width).ToArray();
        var font = doc.Font(TableFont);
        var bold = doc.Font(TableFont, bold: true);
        var lineHeight = PrintedDocument.LineHeight(font);
        var pen = new XPen(XColors.Gray, 0.5);

        IReadOnlyList<string>[] Wrap(IEnumerable<string> texts, XFont f) =>
            [.. texts.Select((t, i) => LineBreaker.Wrap(t, widths[i] - 2 * CellPadding, s => doc.Measure(s, f)))];
        double Height(IReadOnlyList<string>[] cells) => cells.Max(c => Math.Max(1, c.Count)) * lineHeight + 2 * CellPadding;
        void Row(IReadOnlyList<string>[] cells, XFont f, bool shaded) => doc.Block(Height(cells), (g, r) =>
        {
            if (shaded) g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), r);
            var x = r.X;
            for (var c = 0; c < cells.Length; c++)
            {
                for (var l = 0; l < cells[c].Count; l++)
                    g.DrawString(cells[c][l], f, XBrushes.Black, x + CellPadding, r.Y + CellPadding + l * lineHeight, XStringFormats.TopLeft);
                g.DrawRectangle(pen, x, r.Y, widths[c], r.Height);
                x += widths[c];
            }
        });
        var header = Wrap(columns.Select(c => c.Title), bold);
        var headerHeight = Height(header);
        // The title row and the first row start together.
        var first = items.Count > 0 ? Height(Wrap(columns.Select(c => c.Value(items[0])), font)) : 0;
        doc.EnsureSpace(headerHeight + first);
        Row(header, bold, shaded: true);
        foreach (var item in items)
        {
            var cells = Wrap(columns.Select(c => c.Value(item)), font);
            var height = Height(cells);
            if (!doc.Fits(height))
            {
                doc.EnsureSpace(height);
                Row(header, bold, shaded: true);
            }
            Row(cells, font, shaded: false);
        }
        doc.Space(8);
    }

    private static string Names(string zh, string? en) =>
        string.IsNullOrWhiteSpace(en) || en == zh ? zh : zh + " / " + en;
}
