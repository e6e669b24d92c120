using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Calls;

// Checks of a call when it is configured (DOMAIN.md "Calls and directions", CALL-WINDOW).
public static class CallWindow
{
    // CALL-WINDOW, a rule of the programme, not of a call: "close minus publication must be at least
    // 50 days" (DOMAIN.md; the guide's minimum period between the publication of the guide and the
    // close of pre-proposal submission). Counted in Beijing calendar days from the publication day
    // to the day of the close: 2018-11-23 to 2019-01-14 is 52 days.
    public const int MinDaysFromPublicationToClose = 50;

    public static IReadOnlyList<Error> Validate(GrantCall call)
    {
        var errors = new List<Error>();

        var days = BeijingTime.Today(call.PreWindowCloses).DayNumber - call.GuidePublishedOn.DayNumber;
        if (days < MinDaysFromPublicationToClose)
            errors.Add(Error.For("CALL-WINDOW", nameof(GrantCall.PreWindowCloses),
                ("days", days), ("min", MinDaysFromPublicationToClose)));

        if (call.PreWindowOpens >= call.PreWindowCloses || BeijingTime.Today(call.PreWindowOpens) < call.GuidePublishedOn)
            errors.Add(Error.For("CALL-WINDOW-ORDER", nameof(GrantCall.PreWindowOpens)));

        // PRE-WINDOW: recommending units endorse what was submitted, so their deadline cannot fall
        // before the submission window closes.
        if (call.RecommenderDeadline < call.PreWindowCloses)
            errors.Add(Error.For("CALL-RECOMMENDER-DEADLINE", nameof(GrantCall.RecommenderDeadline)));

        if (call.NarrativeLimit <= 0)
            errors.Add(LimitRange(nameof(GrantCall.NarrativeLimit)));
        // SHORTLIST-FACTOR: a range of multiples of the slots, at least 1.
        if (call.ShortlistFactorMin < 1 || call.ShortlistFactorMin > call.ShortlistFactorMax)
            errors.Add(LimitRange(nameof(GrantCall.ShortlistFactorMin)));
        if (call.FullWindowDays <= 0)
            errors.Add(LimitRange(nameof(GrantCall.FullWindowDays)));
        if (call.ExpertsPerApplication < 1)
            errors.Add(LimitRange(nameof(GrantCall.ExpertsPerApplication)));
        if (call.AttachmentMaxBytes <= 0)
            errors.Add(LimitRange(nameof(GrantCall.AttachmentMaxBytes)));
        return errors;
    }

    private static Error LimitRange(string field) => Error.For("CALL-LIMIT-RANGE", field);
}
