using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Applications;

public enum MemberRole
{
    KeyMember = 1,     // 项目骨干
    ForeignLead = 2,   // 外方牵头人
    ForeignMember = 3, // other foreign members
}

// A person of the team, picked from the people registry.
public sealed class TeamMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public PersonId PersonId { get; set; }
    public MemberRole Role { get; set; }
    public UnitId? UnitId { get; set; }
    public int SortOrder { get; set; }
}

// A participating unit (domestic or foreign), picked from the units registry.
public sealed class ParticipatingUnit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public UnitId UnitId { get; set; }
    public int SortOrder { get; set; }
}

// How the pre-proposal meets one assessment indicator of its direction (DIRECTION-INDICATORS);
// part of 目标和指标, so counted by PRE-LENGTH.
public sealed class IndicatorAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int IndicatorIndex { get; set; }
    public string Answer { get; set; } = "";
}

// A colleague of the same unit invited by the PI to edit the draft.
public sealed class CoEditor
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
}

// The pre-proposal (预申报书): DOMAIN.md "Pre-proposal content".
public sealed class PreProposal
{
    public ProposalId Id { get; set; } = ProposalId.New();
    public CallId CallId { get; set; }
    public DirectionId DirectionId { get; set; }
    public string Title { get; set; } = "";
    public UnitId LeadUnitId { get; set; }
    public PersonId? PiPersonId { get; set; }
    public Guid OwnerUserId { get; set; }
    public int? DurationMonths { get; set; }
    // Requested central funding in 万元 (10,000 yuan).
    public decimal? RequestedBudget { get; set; }
    public string Objectives { get; set; } = "";      // 目标和指标
    public string Innovation { get; set; } = "";      // 创新思路
    public string TechnicalRoute { get; set; } = "";  // 技术路线
    public string ResearchBasis { get; set; } = "";   // 研究基础
    // PI-TIME: months a year the PI works on the project.
    public int? PiMonthsPerYear { get; set; }
    // DOC-ENTERPRISE-MATCHING: the matching-funds ratio an enterprise lead states (percent).
    public decimal? MatchingFundsPercent { get; set; }
    // FOREIGN-LEAD-AGE: the exception claimed for a foreign lead born before the call's date, and
    // the special statement (专门说明) that formal review judges. Ignored without a foreign lead.
    public ForeignLeadException? ForeignLeadException { get; set; }
    public string ForeignLeadStatement { get; set; } = "";
    public List<TeamMember> Members { get; set; } = [];
    public List<ParticipatingUnit> Units { get; set; } = [];
    public List<IndicatorAnswer> IndicatorAnswers { get; set; } = [];
    public List<CoEditor> CoEditors { get; set; } = [];
    public List<Transition> Transitions { get; set; } = [];

    public ApplicationState State { get; set; } = ApplicationState.Draft;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // Set on submission by the lead-unit administrator.
    public UnitId? RecommendingUnitId { get; set; }
    public string? SubmissionNumber { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? ContentHash { get; set; }
    public bool UnitIntegrityConfirmed { get; set; }
    // The canonical content submitted (JSON); ContentHash is the SHA-256 of exactly these bytes
    // (UTF-8). The receipt, the printed copy and the verification page all rest on it.
    public string? SubmittedContent { get; set; }
    // Sent to the Exchange Center in a batch of its recommending unit (RecommendationBatch): from
    // then on the Exchange Center sees it; until then it is the recommending unit's business.
    // A new submission (after withdrawal and reopening) starts unsent.
    public DateTimeOffset? SentAt { get; set; }
    public uint Version { get; set; }

    public int NarrativeLength() =>
        Applications.NarrativeLength.Count([Objectives, Innovation, TechnicalRoute, ResearchBasis, .. IndicatorAnswers.Select(a => a.Answer)]);

    public PersonId? ForeignLeadPersonId => Members.FirstOrDefault(m => m.Role == MemberRole.ForeignLead)?.PersonId;
}
