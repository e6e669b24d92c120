using GrantPortal.Domain.Applications;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.PreProposals;

// The shared test data is itself right: a filled draft satisfies the completeness rules of the
// domain and its attachments are readable PDFs in the blob store.
public sealed class TestDataTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    [Fact]
    public async Task FilledDraft_CanBeMarkedComplete()
    {
        var draft = await app.DraftAsync();
        var (call, direction, attachments) = await app.WithDbAsync(async db => (
            await db.Calls.SingleAsync(c => c.Id == draft.CallId),
            await db.Directions.SingleAsync(d => d.Id == draft.DirectionId),
            await db.Attachments.Where(a => a.ProposalId == draft.Id && a.SupersededAt == null).ToListAsync()));
        var facts = new Lifecycle.Completeness(attachments.Select(a => a.Kind).ToHashSet(),
            attachments.Any(a => a.Kind == AttachmentKind.JointAgreement && a.SignedOn != null), direction.Indicators.Count, LeadIsEnterprise: false);
        var errors = Lifecycle.MarkComplete(draft, call, facts, app.Clock.GetUtcNow(), new Actor(draft.OwnerUserId, "test"));
        Assert.Empty(errors);
        Assert.Equal(ApplicationState.Complete, draft.State);
    }

    [Fact]
    public async Task EmptyDraft_IsRefusedWithEveryMissingPiece()
    {
        var draft = await app.DraftAsync(o => o.Filled = false);
        var (call, direction) = await app.WithDbAsync(async db => (
            await db.Calls.SingleAsync(c => c.Id == draft.CallId), await db.Directions.SingleAsync(d => d.Id == draft.DirectionId)));
        var facts = new Lifecycle.Completeness(new HashSet<AttachmentKind>(), false, direction.Indicators.Count, false);
        var codes = Lifecycle.MarkComplete(draft, call, facts, app.Clock.GetUtcNow(), new Actor(draft.OwnerUserId, "test")).Select(e => e.Code).ToHashSet();
        Assert.Contains("PRE-REQUIRED", codes);
        Assert.Contains("DIRECTION-INDICATORS", codes);
        Assert.Contains("DOC-JOINT-AGREEMENT", codes);
        Assert.Contains("DOC-INTEGRITY", codes);
        Assert.Equal(ApplicationState.Draft, draft.State);
    }

    [Fact]
    public void MinimalPdf_IsReadable()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Pdfs.Minimal("hello world"));
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("hello world", pdf.GetPage(1).Text);
    }
}
