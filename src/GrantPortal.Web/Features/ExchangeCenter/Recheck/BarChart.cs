namespace GrantPortal.Web.Features.ExchangeCenter.Recheck;

public sealed record Bar(string Key, string Label, int Value);

// A horizontal bar chart drawn server-side as inline SVG (_BarChart.cshtml), with its data table.
public sealed record BarChart(string Id, string Title, string LabelHeader, string ValueHeader, IReadOnlyList<Bar> Bars)
{
    public const int LabelWidth = 260;
    public const int BarArea = 360;
    public const int RowHeight = 26;

    public int Max => Bars.Count == 0 ? 1 : Math.Max(1, Bars.Max(b => b.Value));
    public int Height => Math.Max(1, Bars.Count) * RowHeight + 8;
    public int Width(int value) => (int)Math.Round((double)value / Max * BarArea);
}
