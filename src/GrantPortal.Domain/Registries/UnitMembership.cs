using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

// RECOMMENDER-SCOPE: "an association or alliance recommends its members". One member unit of a
// recommending association or alliance, from a day (inclusive) until a day (inclusive; null: still a
// member). The platform admin keeps the lists (registry UI, API, CSV import).
public sealed class UnitMembership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public UnitId RecommendingUnitId { get; set; }
    public UnitId MemberUnitId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? Until { get; set; }
    public uint Version { get; set; }

    public bool IsActiveOn(DateOnly day) => (From is null || From <= day) && (Until is null || day <= Until);

    // The kinds whose scope is a member list (the other two kinds have a province or a ministry).
    public static bool HasMemberList(UnitKind kind) => kind is UnitKind.Association or UnitKind.Alliance;
}
