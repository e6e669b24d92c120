using GrantPortal.Domain.Calls;

namespace GrantPortal.Domain.Tests;

public sealed class BeijingTimeTests
{
    [Fact]
    public void Zone_IsUtcPlus8WithoutDaylightSaving()
    {
        Assert.Equal(TimeSpan.FromHours(8), BeijingTime.Zone.GetUtcOffset(new DateTimeOffset(2019, 1, 14, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(8), BeijingTime.Zone.GetUtcOffset(new DateTimeOffset(2019, 7, 14, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void At_ClosingMinuteOf2018_Is0800Utc()
    {
        var close = BeijingTime.At(new DateOnly(2019, 1, 14), new TimeOnly(16, 0));
        Assert.Equal(new DateTimeOffset(2019, 1, 14, 8, 0, 0, TimeSpan.Zero), close);
        Assert.Equal(TimeSpan.FromHours(8), close.Offset);
    }

    [Fact]
    public void ToBeijing_KeepsTheInstantAndShowsBeijingWallClock()
    {
        var utc = new DateTimeOffset(2019, 1, 14, 23, 30, 0, TimeSpan.Zero);
        var beijing = BeijingTime.ToBeijing(utc);
        Assert.Equal(utc, beijing);
        Assert.Equal(new DateTime(2019, 1, 15, 7, 30, 0), beijing.DateTime);
        Assert.Equal(TimeSpan.FromHours(8), beijing.Offset);
    }

    [Fact]
    public void EndOfDay_RecommenderDeadline2018_IsStartOfNextDayInBeijing()
    {
        Assert.Equal(new DateTimeOffset(2019, 1, 17, 0, 0, 0, TimeSpan.FromHours(8)), BeijingTime.EndOfDay(new DateOnly(2019, 1, 16)));
        Assert.Equal(new DateTimeOffset(2019, 1, 16, 16, 0, 0, TimeSpan.Zero), BeijingTime.EndOfDay(new DateOnly(2019, 1, 16)));
    }

    [Theory]
    [InlineData("2019-01-14T15:59:59Z", "2019-01-14")]
    [InlineData("2019-01-14T16:00:00Z", "2019-01-15")]
    [InlineData("2019-01-14T23:30:00Z", "2019-01-15")]
    [InlineData("2019-01-14T23:59:59+08:00", "2019-01-14")]
    [InlineData("2019-01-14T10:00:00-05:00", "2019-01-14")]
    [InlineData("2019-01-14T11:00:00-05:00", "2019-01-15")]
    public void Today_IsTheBeijingDate(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            BeijingTime.Today(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
