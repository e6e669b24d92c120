using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Tests;

// CALL-WINDOW and the other checks of a call's configuration (DOMAIN.md "Calls and directions").
public sealed class CallWindowTests
{
    private static (string Code, string? Field)[] Codes(IReadOnlyList<Error> errors) =>
        errors.Select(e => (e.Code, e.Field)).ToArray();

    private static GrantCall CallClosing(DateOnly published, DateTimeOffset closes)
    {
        var call = TestData.Call2018();
        call.GuidePublishedOn = published;
        call.PreWindowOpens = BeijingTime.At(published, new TimeOnly(8, 0));
        call.PreWindowCloses = closes;
        call.RecommenderDeadline = closes.AddDays(2);
        return call;
    }

    [Fact]
    public void CallWindow_Call2018Of52Days_IsAccepted()
    {
        Assert.Empty(CallWindow.Validate(TestData.Call2018()));
    }

    [Fact]
    public void CallWindow_MinimumIs50()
    {
        Assert.Equal(50, CallWindow.MinDaysFromPublicationToClose);
    }

    [Fact]
    public void CallWindow_Of49Days_IsRefusedWithCallWindow()
    {
        var call = CallClosing(new DateOnly(2018, 11, 26), BeijingTime.At(new DateOnly(2019, 1, 14), new TimeOnly(16, 0)));
        var error = Assert.Single(CallWindow.Validate(call));
        Assert.Equal("CALL-WINDOW", error.Code);
        Assert.Equal("PreWindowCloses", error.Field);
        Assert.Equal("49", error.Args?["days"]);
        Assert.Equal("50", error.Args?["min"]);
    }

    [Fact]
    public void CallWindow_Of50Days_IsAccepted()
    {
        var call = CallClosing(new DateOnly(2018, 11, 25), BeijingTime.At(new DateOnly(2019, 1, 14), new TimeOnly(16, 0)));
        Assert.Empty(CallWindow.Validate(call));
    }

    [Fact]
    public void CallWindow_CloseAt2019_01_14_2330Utc_CountsAsBeijingDay2019_01_15()
    {
        // 2018-11-26 to 2019-01-15 is 50 days; to 2019-01-14 (the UTC date) it would be 49.
        var call = CallClosing(new DateOnly(2018, 11, 26), new DateTimeOffset(2019, 1, 14, 23, 30, 0, TimeSpan.Zero));
        Assert.Empty(CallWindow.Validate(call));
    }

    [Fact]
    public void CallWindow_CloseAt2019_01_14_2330Beijing_CountsAsDay2019_01_14()
    {
        var call = CallClosing(new DateOnly(2018, 11, 26), BeijingTime.At(new DateOnly(2019, 1, 14), new TimeOnly(23, 30)));
        Assert.Equal([("CALL-WINDOW", "PreWindowCloses")], Codes(CallWindow.Validate(call)));
    }

    [Fact]
    public void CallWindow_OpensAtClose_IsRefusedWithWindowOrder()
    {
        var call = TestData.Call2018();
        call.PreWindowOpens = call.PreWindowCloses;
        Assert.Equal([("CALL-WINDOW-ORDER", "PreWindowOpens")], Codes(CallWindow.Validate(call)));
    }

    [Fact]
    public void CallWindow_OpensAfterClose_IsRefusedWithWindowOrder()
    {
        var call = TestData.Call2018();
        call.PreWindowOpens = call.PreWindowCloses.AddMinutes(1);
        Assert.Equal([("CALL-WINDOW-ORDER", "PreWindowOpens")], Codes(CallWindow.Validate(call)));
    }

    [Fact]
    public void CallWindow_OpensBeforePublicationDay_IsRefusedWithWindowOrder()
    {
        var call = TestData.Call2018();
        call.PreWindowOpens = BeijingTime.At(new DateOnly(2018, 11, 22), new TimeOnly(23, 59));
        Assert.Equal([("CALL-WINDOW-ORDER", "PreWindowOpens")], Codes(CallWindow.Validate(call)));
    }

    [Fact]
    public void CallWindow_OpensAtStartOfPublicationDay_IsAccepted()
    {
        var call = TestData.Call2018();
        call.PreWindowOpens = BeijingTime.At(new DateOnly(2018, 11, 23), TimeOnly.MinValue);
        Assert.Empty(CallWindow.Validate(call));
    }

    [Fact]
    public void CallWindow_RecommenderDeadlineBeforeClose_IsRefusedWithRecommenderDeadline()
    {
        var call = TestData.Call2018();
        call.RecommenderDeadline = call.PreWindowCloses.AddTicks(-1);
        Assert.Equal([("CALL-RECOMMENDER-DEADLINE", "RecommenderDeadline")], Codes(CallWindow.Validate(call)));
    }

    [Fact]
    public void CallWindow_RecommenderDeadlineAtClose_IsAccepted()
    {
        var call = TestData.Call2018();
        call.RecommenderDeadline = call.PreWindowCloses;
        Assert.Empty(CallWindow.Validate(call));
    }

    public static TheoryData<string, Action<GrantCall>> OutOfRangeLimits => new()
    {
        { "NarrativeLimit", c => c.NarrativeLimit = 0 },
        { "NarrativeLimit", c => c.NarrativeLimit = -1 },
        { "ShortlistFactorMin", c => c.ShortlistFactorMin = 0.99m },
        { "ShortlistFactorMin", c => c.ShortlistFactorMin = 4.01m },
        { "FullWindowDays", c => c.FullWindowDays = 0 },
        { "ExpertsPerApplication", c => c.ExpertsPerApplication = 0 },
        { "AttachmentMaxBytes", c => c.AttachmentMaxBytes = 0 },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeLimits))]
    public void CallWindow_LimitOutOfRange_IsRefusedWithLimitRangeOnItsField(string field, Action<GrantCall> change)
    {
        var call = TestData.Call2018();
        change(call);
        Assert.Equal([("CALL-LIMIT-RANGE", field)], Codes(CallWindow.Validate(call)));
    }

    [Fact]
    public void CallWindow_LimitsAtTheirEdges_AreAccepted()
    {
        var call = TestData.Call2018();
        call.NarrativeLimit = 1;
        call.ShortlistFactorMin = 1;
        call.ShortlistFactorMax = 1;
        call.FullWindowDays = 1;
        call.ExpertsPerApplication = 1;
        call.AttachmentMaxBytes = 1;
        Assert.Empty(CallWindow.Validate(call));
    }

    [Fact]
    public void CallWindow_WithEveryFault_ReturnsEveryError()
    {
        var call = new GrantCall
        {
            GuidePublishedOn = new DateOnly(2019, 1, 1),
            PreWindowOpens = BeijingTime.At(new DateOnly(2019, 1, 20), new TimeOnly(8, 0)),
            PreWindowCloses = BeijingTime.At(new DateOnly(2019, 1, 14), new TimeOnly(16, 0)),
            RecommenderDeadline = BeijingTime.At(new DateOnly(2019, 1, 13), TimeOnly.MinValue),
        };
        Assert.Equal(
            [
                ("CALL-WINDOW", "PreWindowCloses"), ("CALL-WINDOW-ORDER", "PreWindowOpens"),
                ("CALL-RECOMMENDER-DEADLINE", "RecommenderDeadline"), ("CALL-LIMIT-RANGE", "NarrativeLimit"),
                ("CALL-LIMIT-RANGE", "ShortlistFactorMin"), ("CALL-LIMIT-RANGE", "FullWindowDays"),
                ("CALL-LIMIT-RANGE", "ExpertsPerApplication"), ("CALL-LIMIT-RANGE", "AttachmentMaxBytes"),
            ],
            Codes(CallWindow.Validate(call)));
    }
}
