namespace GrantPortal.Web.Infrastructure.Audit;

// Who changed what, when: old and new values of every changed field (issue 3, point 9).
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";
    public string Changes { get; set; } = "[]";
}

public sealed record AuditChange(string Field, string? Old, string? New);
