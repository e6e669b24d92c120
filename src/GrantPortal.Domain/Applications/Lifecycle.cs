using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Applications;

// The transitions of stage 1. Each returns the errors that refuse it (all of them, not the first)
// or moves the state and records the transition. A transition not allowed from the current state
// is refused with APP-STATE; it never silently does nothing.
public static class Lifecycle
{
    public sealed record Completeness(IReadOnlySet<AttachmentKind> CurrentAttachments, bool JointAgreementHasSigningDate, int IndicatorCount, bool LeadIsEnterprise);

    public static IReadOnlyList<Error> MarkComplete(PreProposal p, GrantCall call, Completeness facts, DateTimeOffset now, Actor by)
    {
        if (p.State != ApplicationState.Draft) return [StateError(p, ApplicationState.Complete)];
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(p.Title)) errors.Add(Error.For("PRE-REQUIRED", nameof(p.Title)));
        if (p.PiPersonId is null) errors.Add(Error.For("PRE-REQUIRED", nameof(p.PiPersonId)));
        if (p.DurationMonths is not > 0) errors.Add(Error.For("PRE-REQUIRED", nameof(p.DurationMonths)));
        if (p.RequestedBudget is not > 0) errors.Add(Error.For("PRE-REQUIRED", nameof(p.RequestedBudget)));
        if (p.PiMonthsPerYear is null) errors.Add(Error.For("PRE-REQUIRED", nameof(p.PiMonthsPerYear)));
        foreach (var (field, text) in new[] { (nameof(p.Objectives), p.Objectives), (nameof(p.Innovation), p.Innovation), (nameof(p.TechnicalRoute), p.TechnicalRoute), (nameof(p.ResearchBasis), p.ResearchBasis) })
        {
            if (string.IsNullOrWhiteSpace(text)) errors.Add(Error.For("PRE-REQUIRED", field));
        }
        if (p.ForeignLeadPersonId is null) errors.Add(Error.For("PRE-REQUIRED", "ForeignLead"));
        var length = p.NarrativeLength();
        // PRE-LENGTH: the server is the authority on the count.
        if (length > call.NarrativeLimit) errors.Add(Error.For("PRE-LENGTH", "Narrative", ("count", length), ("limit", call.NarrativeLimit)));
        // DIRECTION-INDICATORS: every assessment indicator of the direction is answered.
        for (var i = 0; i < facts.IndicatorCount; i++)
        {
            if (!p.IndicatorAnswers.Any(a => a.IndicatorIndex == i && !string.IsNullOrWhiteSpace(a.Answer)))
                errors.Add(Error.For("DIRECTION-INDICATORS", $"IndicatorAnswers[{i}]", ("number", i + 1)));
        }
        foreach (var (kind, rule) in AttachmentKinds.Required)
        {
            if (!facts.CurrentAttachments.Contains(kind)) errors.Add(Error.For(rule, "Attachments." + kind, ("kind", kind)));
        }
        if (facts.CurrentAttachments.Contains(AttachmentKind.JointAgreement) && !facts.JointAgreementHasSigningDate)
            errors.Add(Error.For("DOC-JOINT-AGREEMENT-DATE", "Attachments." + AttachmentKind.JointAgreement));
        if (facts.LeadIsEnterprise && p.MatchingFundsPercent is null)
            errors.Add(Error.For("DOC-ENTERPRISE-MATCHING", nameof(p.MatchingFundsPercent)));
        if (errors.Count > 0) return errors;
        Move(p, ApplicationState.Complete, now, by, "Transition.MarkedComplete");
        return [];
    }

    public static IReadOnlyList<Error> Reopen(PreProposal p, DateTimeOffset now, Actor by)
    {
        // Returned: the lead unit fixes what the recommending unit asked and resubmits (PRE-WINDOW).
        if (p.State is not (ApplicationState.Complete or ApplicationState.Withdrawn or ApplicationState.Returned)) return [StateError(p, ApplicationState.Draft)];
        Move(p, ApplicationState.Draft, now, by, "Transition.Reopened");
        return [];
    }

    // PRE-WINDOW: inside the call's window by the server clock; the closing minute is too late.
    public static IReadOnlyList<Error> Submit(PreProposal p, GrantCall call, UnitId recommendingUnit, bool integrityConfirmed,
        string submissionNumber, string contentHash, DateTimeOffset now, Actor by)
    {
        if (p.State != ApplicationState.Complete) return [StateError(p, ApplicationState.Submitted)];
        var errors = new List<Error>();
        if (now < call.PreWindowOpens)
            errors.Add(Error.For("PRE-WINDOW", null, ("opens", BeijingTime.ToBeijing(call.PreWindowOpens).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("closes", BeijingTime.ToBeijing(call.PreWindowCloses).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))));
        else if (now >= call.PreWindowCloses)
            errors.Add(Error.For("PRE-WINDOW-CLOSED", null, ("closes", BeijingTime.ToBeijing(call.PreWindowCloses).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))));
        if (!integrityConfirmed) errors.Add(Error.For("DOC-INTEGRITY-UNIT-CONFIRM", "UnitIntegrityConfirmed"));
        if (errors.Count > 0) return errors;
        p.RecommendingUnitId = recommendingUnit;
        p.UnitIntegrityConfirmed = true;
        p.SubmissionNumber = submissionNumber;
        p.SubmittedAt = now;
        p.ContentHash = contentHash;
        p.SentAt = null;
        Move(p, ApplicationState.Submitted, now, by, "Transition.Submitted");
        return [];
    }

    // Withdrawn is possible until the Exchange Center accepts it (DOMAIN.md).
    public static IReadOnlyList<Error> Withdraw(PreProposal p, string? reason, DateTimeOffset now, Actor by)
    {
        if (p.State is not (ApplicationState.Submitted or ApplicationState.Returned or ApplicationState.Endorsed or ApplicationState.NotEndorsed))
            return [StateError(p, ApplicationState.Withdrawn)];
        Move(p, ApplicationState.Withdrawn, now, by, string.IsNullOrWhiteSpace(reason) ? "Transition.Withdrawn" : reason.Trim());
        return [];
    }

    // 受理 by the Exchange Center, after the recommending unit's endorsement.
    public static IReadOnlyList<Error> Accept(PreProposal p, DateTimeOffset now, Actor by)
    {
        if (p.State != ApplicationState.Endorsed) return [StateError(p, ApplicationState.Accepted)];
        Move(p, ApplicationState.Accepted, now, by, "Transition.Accepted");
        return [];
    }

    // LOCK-AFTER-ACCEPT: once accepted, the lead unit and the PI cannot be changed.
    public static Error? CheckLeadAndPiChange(PreProposal p, UnitId newLead, PersonId? newPi)
    {
        var changes = newLead != p.LeadUnitId || newPi != p.PiPersonId;
        if (!changes) return null;
        if (p.State >= ApplicationState.Accepted && p.State != ApplicationState.Withdrawn) return Error.For("LOCK-AFTER-ACCEPT", newLead != p.LeadUnitId ? nameof(p.LeadUnitId) : nameof(p.PiPersonId));
        if (!p.State.IsEditable()) return StateError(p, p.State);
        return null;
    }

    private static Error StateError(PreProposal p, ApplicationState to) =>
        Error.For("APP-STATE", null, ("from", p.State), ("to", to));

    private static void Move(PreProposal p, ApplicationState to, DateTimeOffset now, Actor by, string reason)
    {
        p.Transitions.Add(new Transition { ProposalId = p.Id, From = p.State, To = to, At = now, ByUserId = by.UserId, ByName = by.Name, Reason = reason });
        p.State = to;
        p.UpdatedAt = now;
    }
}
