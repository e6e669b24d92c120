using GrantPortal.Domain.Applications;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.History;

// The API side of a change of state: send the command, answer the new state or the problem.
public static class StateChangeEndpoint
{
    public sealed record StateResponse(Guid Id, string State);

    public static async Task<IResult> SendAsync(IMediator mediator, IStringLocalizer<Messages> l, IRequest<StateChangeResult> command,
        Guid id, ApplicationState to, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        return result.Outcome == Outcome.Done
            ? Results.Ok(new StateResponse(id, to.ToString()))
            : StateChangeProblems.For(l, result.Outcome, result.Errors);
    }
}
