using System.Globalization;
using GrantPortal.Web.Features.PreProposals.Print;
using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Features.Recommender.Print;

// GET /api/v1/recommendations/batches/{id}/letter and /list: the same PDFs as the officer's page,
// also for the Exchange Center's staff. Any signed-in caller passes the edge; the handler answers
// 404 to whoever may not see the batch (another unit's officer, an applicant), so ids leak nothing.
public static class PrintEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        Map(group, "letter", BatchDocument.Letter, "GetRecommendationLetterPdf", "The recommendation letter (推荐函) of a sent batch, as a PDF");
        Map(group, "list", BatchDocument.List, "GetRecommendedProjectsPdf", "The list of recommended projects (推荐项目清单) of a sent batch, as a PDF");
    }

    private static void Map(RouteGroupBuilder group, string path, BatchDocument document, string name, string summary) =>
        group.MapGet($"/batches/{{id:guid}}/{path}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (await mediator.Send(new PrintBatch(id, document, CultureInfo.CurrentUICulture, PublicUrl.Of(http)), ct) is not { } pdf) return Results.NotFound();
                http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = pdf.FileName }.ToString();
                return Results.File(pdf.Bytes, "application/pdf");
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription("Rendered from the list stored when the batch was sent; every page carries the batch number, its SHA-256 and the printing instant. 404 unless the caller is an officer of the sending unit or Exchange Center staff.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status404NotFound);
}
