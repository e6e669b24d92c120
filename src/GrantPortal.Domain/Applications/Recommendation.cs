using System.Globalization;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Applications;

// The three decisions of a recommending unit (DOMAIN.md "The application's life").
public enum Decision
{
    Endorse = 1, // 推荐
    Return = 2,  // returned to the lead unit with a reason; it fixes and resubmits inside PRE-WINDOW
    Decline = 3, // not endorsed, with a reason
}

// The recommending unit's transitions. PRE-WINDOW: "endorsement by the recommending unit is accepted
// until the recommending units' deadline" — the deadline is the instant it falls (2018: 2019-01-16
// read as the end of that day in Beijing time, stored as 2019-01-17 00:00 +08:00), so the last
// minute of the day is accepted and the next refused. A decision not yet sent to the Exchange
// Center may be changed until then; what was sent may not.
public static class Recommendation
{
    public const int MaxReasonLength = 2000;
    public const string ReasonRequired = "Recommendation.ReasonRequired";
    public const string ReasonTooLong = "Recommendation.ReasonTooLong";
    public const string DeadlinePassed = "Recommendation.DeadlinePassed";
    public const string AlreadySent = "Recommendation.AlreadySent";
    public const string BatchEmpty = "Recommendation.BatchEmpty";

    public static bool IsOpen(GrantCall call, DateTimeOffset now) => now < call.RecommenderDeadline;

    public static ApplicationState Target(Decision decision) => decision switch
    {
        Decision.Endorse => ApplicationState.Endorsed,
        Decision.Return => ApplicationState.Returned,
        _ => ApplicationState.NotEndorsed,
    };

    // From Submitted; or, not sent yet, from an earlier decision of the unit (Endorsed, NotEndorsed).
    public static IReadOnlyList<Error> Decide(PreProposal p, GrantCall call, Decision decision, string? reason, bool alreadySent, DateTimeOffset now, Actor by)
    {
        var errors = new List<Error>();
        var to = Target(decision);
        var text = reason?.Trim();
        if (decision != Decision.Endorse && string.IsNullOrEmpty(text)) errors.Add(Error.For(ReasonRequired, "Reason"));
        if (text is { Length: > MaxReasonLength }) errors.Add(Error.For(ReasonTooLong, "Reason", ("max", MaxReasonLength)));
        if (!IsOpen(call, now)) errors.Add(Deadline(call));
        if (alreadySent) errors.Add(Error.For(AlreadySent));
        else if (p.State is not (ApplicationState.Submitted or ApplicationState.Endorsed or ApplicationState.NotEndorsed) || p.State == to)
            errors.Add(Error.For("APP-STATE", null, ("from", p.State), ("to", to)));
        if (errors.Count > 0) return errors;
        var why = decision == Decision.Endorse
            ? (string.IsNullOrEmpty(text) ? "Transition.Endorsed" : text)
            : text!;
        Move(p, to, now, by, why);
        return [];
    }

    // Sending the batch: before the deadline, and never an empty batch.
    public static IReadOnlyList<Error> CheckSend(GrantCall call, int endorsedNotSent, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (!IsOpen(call, now)) errors.Add(Deadline(call));
        if (endorsedNotSent == 0) errors.Add(Error.For(BatchEmpty));
        return errors;
    }

    // Recorded in the timeline of each application sent (the state stays Endorsed).
    public static void MarkSent(PreProposal p, DateTimeOffset now, Actor by)
    {
        p.Transitions.Add(new Transition { ProposalId = p.Id, From = p.State, To = p.State, At = now, ByUserId = by.UserId, ByName = by.Name, Reason = "Transition.SentToExchangeCenter" });
        p.SentAt = now;
    }

    public static Error Deadline(GrantCall call) =>
        Error.For(DeadlinePassed, null, ("deadline", BeijingTime.ToBeijing(call.RecommenderDeadline).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));

    private static void Move(PreProposal p, ApplicationState to, DateTimeOffset now, Actor by, string reason)
    {
        p.Transitions.Add(new Transition { ProposalId = p.Id, From = p.State, To = to, At = now, ByUserId = by.UserId, ByName = by.Name, Reason = reason });
        p.State = to;
        p.UpdatedAt = now;
    }
}
