using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Receipt;

// The receipt of a submission (issue 4, point 5): the number, the instant and the SHA-256 of the
// canonical submitted content, with where to print and verify it.
public sealed record ReceiptData(
    Guid ProposalId, string Title, string SubmissionNumber, DateTimeOffset SubmittedAt, string ContentHash,
    Guid RecommendingUnitId, string RecommendingUnitName, string? RecommendingUnitNameEn)
{
    public string ReceiptUrl => $"/PreProposals/Receipt/{ProposalId}";
    public string PrintUrl => $"/PreProposals/Print/{ProposalId}";
    public string VerifyUrl => $"/Verify?number={Uri.EscapeDataString(SubmissionNumber)}&hash={ContentHash}";

    public static async Task<ReceiptData?> ForAsync(AppDbContext db, PreProposal p, CancellationToken ct)
    {
        if (p.SubmissionNumber is null || p.SubmittedAt is null || p.ContentHash is null || p.RecommendingUnitId is not { } unitId) return null;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.NameEn }).SingleAsync(ct);
        return new ReceiptData(p.Id.Value, p.Title, p.SubmissionNumber, p.SubmittedAt.Value, p.ContentHash, unitId.Value, unit.Name, unit.NameEn);
    }
}

public sealed record GetReceipt(ProposalId Id) : IRequest<GetReceiptResult>;

// Visible is false when the user may not see the proposal (404); Receipt is null when it was never submitted.
public sealed record GetReceiptResult(bool Visible, ReceiptData? Receipt);

public sealed class GetReceiptHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<GetReceipt, GetReceiptResult>
{
    public async ValueTask<GetReceiptResult> Handle(GetReceipt request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null || !ProposalAccess.CanView(p, user)) return new(false, null);
        return new(true, await ReceiptData.ForAsync(db, p, ct));
    }
}
