using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;

namespace GrantPortal.Web.Features.Applicant;

// GET /api/v1/pre-proposals: the pre-proposals the caller may see (ProposalAccess), paged.
public static class ListMyApplicationsEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListMyApplications(page, pageSize), ct)))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("ListPreProposals")
            .WithSummary("The pre-proposals the caller may see, newest change first, with counts by state")
            .WithDescription("An applicant sees those it owns or co-edits; a lead-unit administrator those of its unit; others what reached them. `page` from 1, `pageSize` up to 100.")
            .Produces<ApplicationList>();
    }
}
