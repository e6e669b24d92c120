namespace GrantPortal.Domain.Applications;

// Who performs a transition (recorded in the application's history).
public sealed record Actor(Guid UserId, string Name);
