namespace GrantPortal.Domain.Calls;

// All times are Beijing time (Asia/Shanghai, UTC+8) (DOMAIN.md). A day stated in the guide
// ("on or before 2019-01-16") is over at the start of the next day in Beijing.
public static class BeijingTime
{
    public const string ZoneId = "Asia/Shanghai";

    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToBeijing(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var wallClock = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, Zone.GetUtcOffset(wallClock));
    }

    public static DateTimeOffset EndOfDay(DateOnly date) => At(date.AddDays(1), TimeOnly.MinValue);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToBeijing(now).DateTime);

    // The tz database ships with ICU on Linux and maps the IANA id on Windows; where it is missing,
    // China has kept UTC+8 without daylight saving since 1991, so a fixed zone is exact for our dates.
    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
