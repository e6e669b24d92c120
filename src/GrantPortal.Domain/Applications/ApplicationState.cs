namespace GrantPortal.Domain.Applications;

// DOMAIN.md "The application's life". Stage 1 (this code) uses Draft to Accepted; the later
// states are named now so that the life of an application reads in one place.
public enum ApplicationState
{
    Draft = 1,
    // The PI marked the draft complete: the lead unit may review and submit it.
    Complete = 2,
    Submitted = 3,
    Withdrawn = 4,
    Returned = 5,
    Endorsed = 6,
    NotEndorsed = 7,
    // 受理: accepted by the Exchange Center; LOCK-AFTER-ACCEPT applies from here on.
    Accepted = 8,
    FormalReviewFailed = 9,
    Shortlisted = 10,
    NotShortlisted = 11,
    Funded = 20,
    NotFunded = 21,
}

public static class ApplicationStates
{
    public static bool IsEditable(this ApplicationState state) => state is ApplicationState.Draft or ApplicationState.Complete;

    // Counted as "submitted and not withdrawn" by the cross-application rules.
    public static bool IsInCall(this ApplicationState state) =>
        state is not (ApplicationState.Draft or ApplicationState.Complete or ApplicationState.Withdrawn);
}
