using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Recommender.Review;

// What the officer needs beside the pre-proposal itself to decide: the Version to decide on, whether
// it was sent, the deadline, and the current attachments (the evidence of review findings). Null:
// not addressed to the officer's unit (404).
public sealed record GetReview(ProposalId Id) : IRequest<ReviewData?>;

public sealed record EvidenceDocument(Guid Id, AttachmentKind Kind, string FileName, string Sha256);

public sealed record ReviewData(
    Guid Id, uint Version, ApplicationState State, bool Sent, DateTimeOffset Deadline, DateTimeOffset Now, IReadOnlyList<EvidenceDocument> Documents)
{
    public bool DeadlinePassed => Now >= Deadline;

    // What the officer may decide now (the domain decides for good when it is sent).
    public bool CanDecide => !DeadlinePassed && !Sent && State is ApplicationState.Submitted or ApplicationState.Endorsed or ApplicationState.NotEndorsed;

    public IEnumerable<EvidenceDocument> For(string? field) =>
        field is not null && field.StartsWith("Attachments.", StringComparison.Ordinal)
            ? Documents.Where(d => "Attachments." + d.Kind == field)
            : [];
}

public sealed class GetReviewHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetReview, ReviewData?>
{
    public async ValueTask<ReviewData?> Handle(GetReview request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null || !RecommenderAccess.IsAddressedTo(p, user)) return null;
        var deadline = await db.Calls.AsNoTracking().Where(c => c.Id == p.CallId).Select(c => c.RecommenderDeadline).SingleAsync(ct);
        var documents = await db.Attachments.AsNoTracking().Where(a => a.ProposalId == p.Id && a.SupersededAt == null).OrderBy(a => a.Kind)
            .Select(a => new EvidenceDocument(a.Id.Value, a.Kind, a.FileName, a.Sha256)).ToListAsync(ct);
        return new ReviewData(p.Id.Value, p.Version, p.State, RecommenderAccess.IsSent(p), deadline, clock.GetUtcNow(), documents);
    }
}
