using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

// UNIT-INTEGRITY for people: what kind of entry bars a person.
public enum SanctionKind
{
    ResearchMisconduct = 1, // 严重科研失信行为记录（处理决定）
    CreditBlacklist = 2,    // 相关社会领域信用黑名单
}

public readonly record struct SanctionId(Guid Value)
{
    public static SanctionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

// A serious research-misconduct sanction or a credit-blacklist entry of one person of the registry,
// from its first day to its last day (both included; no last day: open-ended), with the decision's
// reference number. Recorded by the platform admin; a lifted sanction keeps its row (history).
public sealed class PersonSanction
{
    public SanctionId Id { get; set; } = SanctionId.New();
    public PersonId PersonId { get; set; }
    public SanctionKind Kind { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string Reference { get; set; } = "";
    public string? Note { get; set; }
    public uint Version { get; set; }

    // Active on a day: started on or before it and not ended before it (a sanction ending the
    // day before is over; one starting that day already bars).
    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is not { } end || end >= day);
}
