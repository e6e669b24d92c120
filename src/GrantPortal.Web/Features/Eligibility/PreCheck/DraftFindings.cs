using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Features.PreProposals.Edit;
using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Eligibility.PreCheck;

// The live pre-check of the draft editor (issue 5, point 3): every finding of the saved draft,
// rendered for the page (texts in the request culture) so that wwwroot/js/draft-precheck.js can
// redraw the panel after each autosave. A field of the edit form links to its element on the same
// page; a document to the attachments page; the recommending unit to the submit page.
public static class DraftFindings
{
    public sealed record Item(string RuleId, string Code, string Severity, string SeverityText, string RuleText, string Subject,
        string Message, string? Field, string? Href);

    public sealed record Panel(bool Blocking, DateOnly CheckedFor, IReadOnlyList<Item> Findings);

    public static Panel Build(EligibilityReport report, IStringLocalizer l) =>
        new(report.HasBlocking, report.CheckedFor, [.. report.Findings.Select(f => new Item(
            f.RuleId, f.Code, f.Severity.ToString(), l["Eligibility.Severity." + f.Severity].Value, l["Rule." + f.RuleId].Value,
            Subject(f, l), l.Error(f.ToError()), f.Field, Href(report.ProposalId, f)))]);

    public static string Subject(Finding f, IStringLocalizer l) => f.SubjectKind switch
    {
        SubjectKind.Application => l["Eligibility.Subject.Application"].Value,
        SubjectKind.Document => l["AttachmentKind." + f.SubjectId].Value,
        _ => f.SubjectName ?? "",
    };

    public static string? Href(Guid proposalId, Finding f) => f.Field switch
    {
        null => null,
        var field when field.StartsWith("Attachments.", StringComparison.Ordinal) || field == "RecommendingUnitId" => EligibilityReport.Href(proposalId, f),
        var field => "#" + DraftFields.Anchor(field),
    };
}
