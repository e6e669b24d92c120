using System.Globalization;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace GrantPortal.Web.Features.PreProposals.Print;

// GET /api/v1/pre-proposals/{id}/pdf: the same printed copy as /PreProposals/Print/{id}.
public static class PrintEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/pre-proposals/{id:guid}/pdf", async (IMediator mediator, IStringLocalizer<Messages> l, HttpContext http, Guid id, CancellationToken ct) =>
            {
                var pdf = await mediator.Send(new PrintPreProposal(new ProposalId(id), CultureInfo.CurrentUICulture, PublicUrl.Of(http)), ct);
                switch (pdf.Outcome)
                {
                    case PrintOutcome.Printed:
                        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = pdf.FileName }.ToString();
                        return Results.File(pdf.Bytes, "application/pdf");
                    case PrintOutcome.NotSubmitted:
                        return Infrastructure.Web.ApiProblem.Create(l, StatusCodes.Status409Conflict, "Printing.ProblemTitle", [Error.For("Printing.NotSubmitted")]);
                    default:
                        return Results.NotFound();
                }
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Pre-proposals")
            .WithName("GetPreProposalPdf")
            .WithSummary("The printed pre-proposal (PDF) of a submitted pre-proposal; 404 when the caller may not see it, 409 while not submitted")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Produces(StatusCodes.Status404NotFound);
    }
}
