using System.Diagnostics;
using System.Globalization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.Print;

public enum PrintOutcome { Printed, NotFound, NotSubmitted }

public sealed record PrintedPdf(PrintOutcome Outcome, byte[] Bytes, string? SubmissionNumber)
{
    public static readonly PrintedPdf NotFound = new(PrintOutcome.NotFound, [], null);
    public static readonly PrintedPdf NotSubmitted = new(PrintOutcome.NotSubmitted, [], null);

    public string FileName => $"pre-proposal-{SubmissionNumber}.pdf";
}

// The printed pre-proposal for anyone who may see the application, in the request's language.
// BaseUrl is where the verification page lives (App:PublicUrl or the request's host).
public sealed record PrintPreProposal(ProposalId Id, CultureInfo Culture, string BaseUrl) : IRequest<PrintedPdf>;

public sealed class PrintPreProposalHandler(AppDbContext db, ICurrentUser user, Catalog catalog, ILogger<PrintPreProposalHandler> log)
    : IRequestHandler<PrintPreProposal, PrintedPdf>
{
    public async ValueTask<PrintedPdf> Handle(PrintPreProposal request, CancellationToken ct)
    {
        var p = await db.PreProposals.AsNoTracking().Include(x => x.CoEditors).SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null || !ProposalAccess.CanView(p, user)) return PrintedPdf.NotFound;
        // Printed only while a submission stands; a withdrawn one reopened as a draft has none.
        if (!p.State.IsInCall() || p.SubmittedContent is null || p.ContentHash is null) return PrintedPdf.NotSubmitted;

        // The paper claims this hash: it must be the hash of what is stored.
        if (SubmittedSnapshot.Sha256Hex(p.SubmittedContent) != p.ContentHash)
            throw new InvalidOperationException($"The stored content of pre-proposal {p.Id} does not match its content hash.");
        var snapshot = SubmittedSnapshot.FromJson(p.SubmittedContent);

        var watch = Stopwatch.StartNew();
        var bytes = new PreProposalPdf(catalog).Render(snapshot, p.ContentHash, request.Culture, VerifyUrl(request.BaseUrl, snapshot.SubmissionNumber, p.ContentHash));
        log.LogInformation("Printed pre-proposal {ProposalId}: {Bytes} bytes in {Milliseconds} ms", p.Id, bytes.Length, watch.ElapsedMilliseconds);
        return new PrintedPdf(PrintOutcome.Printed, bytes, snapshot.SubmissionNumber);
    }

    public static string VerifyUrl(string baseUrl, string number, string hash) =>
        baseUrl.TrimEnd('/') + "/Verify" + QueryString.Create(new Dictionary<string, string?> { ["number"] = number, ["hash"] = hash }).ToUriComponent();
}

// Where the platform is reached from outside: App:PublicUrl when configured (behind a proxy the
// request's host may be internal), else the request's own scheme and host.
public static class PublicUrl
{
    public static string Of(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["App:PublicUrl"];
        if (!string.IsNullOrEmpty(configured)) return configured.TrimEnd('/');
        return http.Request.Scheme + "://" + http.Request.Host.ToUriComponent() + http.Request.PathBase.ToUriComponent();
    }
}
