using System.Globalization;
using GrantPortal.Domain.Calls;

namespace GrantPortal.Web.Infrastructure.Localization;

// Times are stored as instants and shown in Beijing time with the zone named.
public static class Display
{
    public static string Instant(DateTimeOffset instant)
    {
        var local = BeijingTime.ToBeijing(instant);
        var zone = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "北京时间" : "Beijing time";
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + zone + ", UTC+8)";
    }

    // A deadline "on or before day X" is stored as the instant X+1 00:00; people read it as X 24:00.
    public static string Deadline(DateTimeOffset instant)
    {
        var local = BeijingTime.ToBeijing(instant);
        if (local.TimeOfDay != TimeSpan.Zero) return Instant(instant);
        var zone = IsChinese ? "北京时间" : "Beijing time";
        return local.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 24:00 (" + zone + ", UTC+8)";
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    // Chinese first; the English name where the user reads English and one exists.
    public static string Name(string zh, string? en) => !IsChinese && !string.IsNullOrWhiteSpace(en) ? en : zh;
}
