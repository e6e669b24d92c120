namespace GrantPortal.Domain.Common;

// Typed, time-ordered ids (STYLE.md "Time and ids").
public readonly record struct UnitId(Guid Value)
{
    public static UnitId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct CallId(Guid Value)
{
    public static CallId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct DirectionId(Guid Value)
{
    public static DirectionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ProposalId(Guid Value)
{
    public static ProposalId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AttachmentId(Guid Value)
{
    public static AttachmentId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
