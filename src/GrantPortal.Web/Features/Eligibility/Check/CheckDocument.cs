using System.Text.Json.Serialization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Web.Features.Eligibility.Check;

// A self-contained application document for POST /api/v1/calls/{callId}/eligibility-check and the
// `check` command: units and people are given inline (each with a key the document refers to),
// never looked up. Nothing of it is stored.
public sealed record CheckDocument
{
    public string? Title { get; init; }
    // The direction's number in the call's guide (e.g. "1"); its indicators are the answers expected.
    public string? DirectionNumber { get; init; }
    public string? LeadUnit { get; init; }
    public List<string> ParticipatingUnits { get; init; } = [];
    public string? RecommendingUnit { get; init; }
    public List<CheckUnit> Units { get; init; } = [];
    public List<CheckPerson> People { get; init; } = [];
    public string? Pi { get; init; }
    public int? PiMonthsPerYear { get; init; }
    public int? DurationMonths { get; init; }
    public decimal? RequestedBudget { get; init; }
    public decimal? MatchingFundsPercent { get; init; }
    public List<CheckMember> Members { get; init; } = [];
    // FOREIGN-LEAD-AGE: the exception claimed for a foreign lead born before the call's date, with
    // the special statement; a claim with its statement turns the refusal into a review finding.
    [JsonConverter(typeof(JsonStringEnumConverter<ForeignLeadException>))]
    public ForeignLeadException? ForeignLeadException { get; init; }
    public string? ForeignLeadStatement { get; init; }
    // The registry records of the people, if the caller has them (matched by identity document).
    public List<CheckOngoingProject> OngoingProjects { get; init; } = [];
    public List<CheckDocumentPresent> Documents { get; init; } = [];
    public string? Objectives { get; init; }
    public string? Innovation { get; init; }
    public string? TechnicalRoute { get; init; }
    public string? ResearchBasis { get; init; }
    public List<string?> IndicatorAnswers { get; init; } = [];
    // The day the application would be submitted (Beijing time); today when left out.
    public DateOnly? SubmissionDay { get; init; }
}

public sealed record CheckUnit
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    [JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
    public UnitKind Kind { get; init; }
    public string? SocialCreditCode { get; init; }
    public string? CountryCode { get; init; }
    public DateOnly? RegistrationDate { get; init; }
    public bool IsStateOrgan { get; init; }
    public bool IsCreditBlacklisted { get; init; }
    public string? Province { get; init; }
    public string? SupervisingMinistry { get; init; }
}

public sealed record CheckPerson
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    [JsonConverter(typeof(JsonStringEnumConverter<IdentityDocumentType>))]
    public IdentityDocumentType DocumentType { get; init; } = IdentityDocumentType.ResidentIdCard;
    public string DocumentNumber { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<ProfessionalTitle>))]
    public ProfessionalTitle Title { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<Degree>))]
    public Degree Degree { get; init; }
    public bool IsCivilServant { get; init; }
    public string? Nationality { get; init; }
    public string? Unit { get; init; }
    // UNIT-INTEGRITY: the person's research-misconduct sanctions and credit-blacklist entries, if
    // the caller has them; one active on the submission day bars the person.
    public List<CheckSanction> Sanctions { get; init; } = [];
}

public sealed record CheckSanction
{
    [JsonConverter(typeof(JsonStringEnumConverter<SanctionKind>))]
    public SanctionKind Kind { get; init; } = SanctionKind.ResearchMisconduct;
    public DateOnly StartsOn { get; init; }
    // The last day of the sanction; left out for an open-ended one.
    public DateOnly? EndsOn { get; init; }
    public string? Reference { get; init; }
}

public sealed record CheckMember
{
    public string Person { get; init; } = "";
    [JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
    public MemberRole Role { get; init; } = MemberRole.KeyMember;
}

public sealed record CheckOngoingProject
{
    [JsonConverter(typeof(JsonStringEnumConverter<Programme>))]
    public Programme Programme { get; init; }
    public string ProjectCode { get; init; } = "";
    [JsonConverter(typeof(JsonStringEnumConverter<IdentityDocumentType>))]
    public IdentityDocumentType DocumentType { get; init; } = IdentityDocumentType.ResidentIdCard;
    public string DocumentNumber { get; init; } = "";
    public string PersonName { get; init; } = "";
    [JsonConverter(typeof(JsonStringEnumConverter<OngoingRole>))]
    public OngoingRole Role { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly? OriginalEndsOn { get; init; }
    public DateOnly EndsOn { get; init; }
    public DateOnly? LeftTeamOn { get; init; }
}

public sealed record CheckDocumentPresent
{
    [JsonConverter(typeof(JsonStringEnumConverter<AttachmentKind>))]
    public AttachmentKind Kind { get; init; }
    public DateOnly? SignedOn { get; init; }
}
