using System.Globalization;

namespace GrantPortal.Bench;

public static class Percentiles
{
    public static string Summary(string name, IReadOnlyCollection<double> millis, TimeSpan wall)
    {
        var sorted = millis.Order().ToArray();
        string P(double q) => sorted.Length == 0 ? "-" : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)].ToString("F1", CultureInfo.InvariantCulture);
        var rate = sorted.Length / Math.Max(0.001, wall.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} n={sorted.Length,5}  p50={P(0.50),7} ms  p95={P(0.95),7} ms  p99={P(0.99),7} ms  max={(sorted.Length == 0 ? 0 : sorted[^1]),7:F1} ms  {rate,7:F1}/s");
    }
}
