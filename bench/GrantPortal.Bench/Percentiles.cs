using System.Globalization;

namespace GrantPortal.Bench;

public static class Percentiles
{
    public static string Summary(string name, IReadOnlyCollection<double> millis, TimeSpan wall)
    {
        var sorted = millis.Order().ToArray();
        string P(double q) => sorted.Length == 0 ? "-" : At(sorted, q).ToString("F1", CultureInfo.InvariantCulture);
        var rate = sorted.Length / Math.Max(0.001, wall.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} n={sorted.Length,5}  p50={P(0.50),7} ms  p95={P(0.95),7} ms  p99={P(0.99),7} ms  max={(sorted.Length == 0 ? 0 : sorted[^1]),7:F1} ms  {rate,7:F1}/s");
    }

    // The nearest-rank percentile q (0..1) of sorted values (NaN when there are none).
    public static double At(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];

    public static double Of(IEnumerable<double> millis, double q) => At(millis.Order().ToArray(), q);
}
