using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.Recommender.Print;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Verify;

public enum VerifyOutcome { Match, Withdrawn, NoMatch }

// Batch is set when the number and hash are those of a recommendation letter and list (a sent
// batch of a recommending unit); the other fields then stay empty.
public sealed record VerifyResult(
    VerifyOutcome Outcome, DateTimeOffset? SubmittedAt, string? Title, string? LeadUnit, string? RecommendingUnit, VerifiedBatch? Batch = null)
{
    public static readonly VerifyResult NoMatch = new(VerifyOutcome.NoMatch, null, null, null, null);
}

// Anyone holding a printed copy checks it: the submission number AND the content hash must both
// match one stored submission (or the batch number and hash one sent batch, for a recommendation
// letter or list of recommended projects), and the stored content must still hash to it. The number alone
// reveals nothing: one query on both values, the same "no match" for an unknown number and for a
// wrong hash, so numbers cannot be enumerated.
public sealed record VerifySubmission(string Number, string Hash) : IRequest<VerifyResult>;

public sealed class VerifySubmissionHandler(AppDbContext db, ILogger<VerifySubmissionHandler> log) : IRequestHandler<VerifySubmission, VerifyResult>
{
    public async ValueTask<VerifyResult> Handle(VerifySubmission request, CancellationToken ct)
    {
        var number = NormalizeNumber(request.Number);
        var hash = NormalizeHash(request.Hash);
        if (number.Length == 0 || !IsSha256(hash)) return VerifyResult.NoMatch;

        var found = await db.PreProposals.AsNoTracking()
            .Where(p => p.SubmissionNumber == number && p.ContentHash == hash && p.SubmittedContent != null)
            .Select(p => new { p.Id, p.State, p.SubmittedContent })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return await VerifyBatch.FindAsync(db, number, hash, log, ct) is { } batch
                ? new VerifyResult(VerifyOutcome.Match, null, null, null, null, batch)
                : VerifyResult.NoMatch;
        }
        if (SubmittedSnapshot.Sha256Hex(found.SubmittedContent!) != hash)
        {
            log.LogWarning("Pre-proposal {ProposalId}: stored content does not match its content hash", found.Id);
            return VerifyResult.NoMatch;
        }
        var s = SubmittedSnapshot.FromJson(found.SubmittedContent!);
        return new VerifyResult(found.State.IsInCall() ? VerifyOutcome.Match : VerifyOutcome.Withdrawn,
            s.SubmittedAt, s.Title, s.LeadUnit.Name, s.RecommendingUnit.Name);
    }

    // As printed or typed: case and spaces do not matter.
    public static string NormalizeNumber(string? number) =>
        string.Concat((number ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static string NormalizeHash(string? hash) =>
        string.Concat((hash ?? "").Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    public static bool IsSha256(string hash) => hash.Length == 64 && hash.All(char.IsAsciiHexDigit);
}
