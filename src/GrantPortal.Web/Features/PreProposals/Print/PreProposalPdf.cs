using System.Globalization;
using GrantPortal.Domain.Calls;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;

namespace GrantPortal.Web.Features.PreProposals.Print;

// The printed pre-proposal (DOMAIN.md "Printed documents"): rendered only from the snapshot stored
// at submission, so that the paper matches the submitted data and its content hash exactly. Every
// page names the submission number, instant and hash, and where to verify them.
public sealed class PreProposalPdf(Catalog catalog)
{
    public byte[] Render(SubmittedSnapshot s, string contentHash, CultureInfo culture, string verifyUrl)
    {
        string T(string code, params (string Name, string Value)[] args) =>
            catalog.Text(code, culture, args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => a.Value));
        string Or(string code, string fallback) => catalog.Find(code, culture) ?? fallback;
        string N(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : T("Printing.None");
        string Unit(SnapshotUnit u) => T(u.IsForeign ? "Printing.UnitForeign" : "Printing.UnitDomestic", ("name", Names(u.Name, u.NameEn)), ("code", u.Identifier));
        string Person(SnapshotPerson p)
        {
            var person = T("Printing.Person", ("name", Names(p.Name, p.NameEn)), ("docType", Or("Registries.DocumentType." + p.DocumentType, p.DocumentType)), ("number", p.DocumentNumber));
            return string.IsNullOrEmpty(p.UnitName) ? person : T("Printing.PersonUnit", ("person", person), ("unit", p.UnitName));
        }
        string List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } all ? string.Join("\n", all) : T("Printing.None");
        IEnumerable<SnapshotPerson> Role(string role) => s.Members.Where(m => m.Role == role).Select(m => m.Person);

        using var doc = new PrintedDocument(T("Printing.DocumentTitle") + " " + s.SubmissionNumber);

        doc.Paragraph(T("Printing.Call", ("title", s.CallTitle), ("code", s.CallCode)), 12, align: XStringAlignment.Center);
        doc.Space(6);
        doc.Paragraph(T("Printing.DocumentTitle"), 22, bold: true, align: XStringAlignment.Center);
        doc.Space(6);
        doc.Paragraph(T("Printing.Direction", ("number", s.DirectionNumber), ("title", s.DirectionTitle)), 11, align: XStringAlignment.Center);
        doc.Space(10);

        doc.Heading(T("Printing.Section.Basic"));
        doc.Field(T("Printing.Title"), s.Title);
        doc.Field(T("Printing.LeadUnit"), Unit(s.LeadUnit));
        doc.Field(T("Printing.Pi"), Person(s.Pi));
        doc.Field(T("Printing.PiMonths"), s.PiMonthsPerYear is { } months ? months.ToString(CultureInfo.InvariantCulture) : T("Printing.None"));
        doc.Field(T("Printing.ParticipatingUnits"), List(s.ParticipatingUnits.Select(Unit)));
        doc.Field(T("Printing.KeyMembers"), List(Role("KeyMember").Select(Person)));
        doc.Field(T("Printing.ForeignLead"), List(Role("ForeignLead").Select(Person)));
        if (s.ForeignLeadException is { } claim)
            doc.Field(T("Printing.ForeignLeadException"), Or("Draft.ForeignLeadException." + claim.Kind, claim.Kind) + "\n" + claim.Statement);
        doc.Field(T("Printing.ForeignMembers"), List(Role("ForeignMember").Select(Person)));
        doc.Field(T("Printing.Duration"), s.DurationMonths is { } d ? T("Printing.Months", ("months", d.ToString(CultureInfo.InvariantCulture))) : T("Printing.None"));
        doc.Field(T("Printing.Budget"), s.RequestedBudget is null ? T("Printing.None") : T("Printing.TenThousandYuan", ("amount", N(s.RequestedBudget))));
        doc.Field(T("Printing.MatchingFunds"), s.MatchingFundsPercent is null ? T("Printing.None") : T("Printing.Percent", ("percent", N(s.MatchingFundsPercent))));

        doc.Heading(T("Printing.Section.Narrative"));
        Section(T("Printing.Objectives"), s.Objectives);
        foreach (var answer in s.IndicatorAnswers.OrderBy(a => a.Number))
        {
            doc.Paragraph(T("Printing.Indicator", ("number", answer.Number.ToString(CultureInfo.InvariantCulture)), ("indicator", answer.Indicator)), 10, bold: true, indent: 12);
            doc.Paragraph(answer.Answer, indent: 12);
            doc.Space(4);
        }
        Section(T("Printing.Innovation"), s.Innovation);
        Section(T("Printing.TechnicalRoute"), s.TechnicalRoute);
        Section(T("Printing.ResearchBasis"), s.ResearchBasis);
        doc.Paragraph(T("Printing.NarrativeLength", ("count", s.NarrativeLength.ToString(CultureInfo.InvariantCulture))), 9);

        doc.Heading(T("Printing.Section.Attachments"));
        if (s.Attachments.Count == 0) doc.Paragraph(T("Printing.None"));
        var index = 0;
        foreach (var a in s.Attachments)
        {
            doc.EnsureSpace(80);
            doc.Paragraph(++index + ". " + Or("AttachmentKind." + a.Kind, a.Kind), 10, bold: true);
            doc.Field(T("Printing.AttachmentFile"), a.FileName, 100, 9);
            doc.Field(T("Printing.AttachmentSize"), T("Printing.Bytes", ("size", a.SizeBytes.ToString("N0", CultureInfo.InvariantCulture))), 100, 9);
            if (a.SignedOn is { } signed) doc.Field(T("Printing.AttachmentSignedOn"), Display.Date(signed), 100, 9);
            doc.Field("SHA-256", a.Sha256, 100, 9);
            doc.Space(3);
        }

        doc.Heading(T("Printing.Section.Submission"));
        doc.Field(T("Printing.RecommendingUnit"), Unit(s.RecommendingUnit));
        doc.Field(T("Printing.SubmittedBy"), s.SubmittedBy);
        doc.Field(T("Printing.SubmittedAt"), Instant(s.SubmittedAt));
        doc.Space(12);
        var sealFont = doc.Font(11, bold: true);
        var textFont = doc.Font(10);
        doc.Block(170, (g, r) =>
        {
            var pen = new XPen(XColors.Black, 0.8);
            var box = new XRect(r.X, r.Y, r.Width, 120);
            g.DrawRectangle(pen, box);
            g.DrawString(T("Printing.Seal"), sealFont, XBrushes.Black, box.X + 10, box.Y + 10, XStringFormats.TopLeft);
            g.DrawString(T("Printing.SealDate"), textFont, XBrushes.Black, box.Right - 190, box.Bottom - 24, XStringFormats.TopLeft);
            var y = box.Bottom + 28;
            var label = T("Printing.PiSignature");
            g.DrawString(label, textFont, XBrushes.Black, r.X, y, XStringFormats.TopLeft);
            var lineFrom = r.X + g.MeasureString(label, textFont).Width + 6;
            g.DrawLine(pen, lineFrom, y + 14, lineFrom + 150, y + 14);
            g.DrawString(T("Printing.SealDate"), textFont, XBrushes.Black, box.Right - 190, y, XStringFormats.TopLeft);
        });

        var small = doc.Font(7.5);
        var header = T("Printing.HeaderNumber", ("number", s.SubmissionNumber)) + "    " + T("Printing.HeaderSubmitted", ("instant", Instant(s.SubmittedAt)));
        var hash = T("Printing.HeaderHash", ("hash", contentHash));
        var verify = T("Printing.VerifyAt", ("url", verifyUrl));
        return doc.Finish((g, page, count) =>
        {
            var left = PrintedDocument.Margin;
            var right = PrintedDocument.PageWidth - PrintedDocument.Margin;
            var top = PrintedDocument.Margin - 6;
            g.DrawString(header, small, XBrushes.Black, left, top, XStringFormats.TopLeft);
            g.DrawString(hash, small, XBrushes.Black, left, top + 11, XStringFormats.TopLeft);
            g.DrawLine(new XPen(XColors.Gray, 0.5), left, top + 24, right, top + 24);
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

        void Section(string title, string text)
        {
            doc.Paragraph(title, 11, bold: true);
            doc.Paragraph(text);
            doc.Space(6);
        }

        string Instant(DateTimeOffset instant) =>
            T("Printing.Instant", ("time", BeijingTime.ToBeijing(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
    }

    // Chinese first; the English name beside it where the registry has one.
    private static string Names(string zh, string? en) =>
        string.IsNullOrWhiteSpace(en) || en == zh ? zh : zh + " / " + en;
}
