using System.Net;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Printing;

// End to end: a pre-proposal submitted through the real API is printed, and the PDF's text
// matches the submitted data exactly (the canonical content whose hash the receipt carries).
public sealed class SubmittedThroughApiPrintTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task PrintedPdf_OfARealSubmission_MatchesTheSubmittedContent()
    {
        var (proposal, receipt) = await app.SubmittedAsync(o => o.Configure = p =>
        {
            p.Title = "中德新能源 <b>微电网</b> 合作";
            p.TechnicalRoute = "理论建模 → 仿真验证 → 样机研制；<script>alert(1)</script>";
        });
        var stored = await app.ReloadAsync(proposal.Id);
        var snapshot = SubmittedSnapshot.FromJson(stored.SubmittedContent!);
        Assert.Equal(stored.ContentHash, SubmittedSnapshot.Sha256Hex(stored.SubmittedContent!));
        Assert.Equal(stored.SubmissionNumber, receipt.GetProperty("submissionNumber").GetString());

        var pi = await app.UserApiAsync(DemoUsers.Applicant);
        var response = await pi.GetAsync($"/api/v1/pre-proposals/{proposal.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var body = PdfText.Body(pdf);
        foreach (var value in new[]
                 {
                     snapshot.Title, snapshot.LeadUnit.Name, snapshot.LeadUnit.Identifier, snapshot.Pi.Name, snapshot.Pi.DocumentNumber,
                     snapshot.Objectives, snapshot.Innovation, snapshot.TechnicalRoute, snapshot.ResearchBasis, snapshot.RecommendingUnit.Name,
                 }.Concat(snapshot.Attachments.Select(a => a.Sha256)).Concat(snapshot.IndicatorAnswers.Select(a => a.Answer))
                  .Concat(snapshot.Members.Select(m => m.Person.Name)))
        {
            Assert.Contains(PdfText.Normalize(value), body);
        }
        // The number and the hash are on every page.
        foreach (var page in PdfText.Pages(pdf))
        {
            Assert.Contains(PdfText.Normalize(stored.SubmissionNumber!), page);
            Assert.Contains(stored.ContentHash!, page);
        }
    }
}
