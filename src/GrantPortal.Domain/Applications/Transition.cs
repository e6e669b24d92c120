namespace GrantPortal.Domain.Applications;

// Every change of state records who, when, from which state to which, and why (issue 4, point 7).
public sealed class Transition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Common.ProposalId ProposalId { get; set; }
    public ApplicationState From { get; set; }
    public ApplicationState To { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ByUserId { get; set; }
    public string ByName { get; set; } = "";
    // A code (e.g. "Transition.Submitted") or the free text a person typed (e.g. a return reason).
    public string? Reason { get; set; }
}
