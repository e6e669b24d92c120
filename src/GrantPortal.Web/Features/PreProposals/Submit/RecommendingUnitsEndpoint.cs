using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.History;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Submit;

// The recommending units the lead unit may choose for this pre-proposal (RECOMMENDER-SCOPE): the
// same list as the submit form's.
public static class RecommendingUnitsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/recommending-units", async (Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
                await mediator.Send(new GetSubmitForm(new ProposalId(id)), ct) is { } form
                    ? Results.Ok(form.RecommendingUnits)
                    : StateChangeProblems.For(l, Outcome.NotFound, StateChangeResult.NotFound.Errors))
            .RequireAuthorization(Policies.LeadUnitAdmin)
            .WithName("GetRecommendingUnitChoices")
            .WithSummary("The recommending units whose scope contains the lead unit today (RECOMMENDER-SCOPE): the choices of the submission")
            .Produces<List<RecommendingUnitOption>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
