using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Calls;

// A guide direction (指南方向) with its number of projects to fund (拟立项数, the slots) and its
// assessment indicators (考核指标, DIRECTION-INDICATORS).
public sealed class GuideDirection
{
    public DirectionId Id { get; set; } = DirectionId.New();
    public CallId CallId { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public int Slots { get; set; }
    public List<string> Indicators { get; set; } = [];
    // The guide's annex is not in the seed: directions of the seeded calls are plausible examples.
    public bool IsExample { get; set; }
    public int SortOrder { get; set; }
}
