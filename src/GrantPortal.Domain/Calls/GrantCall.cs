using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Calls;

// A call (年度指南) of a programme (专项). Its dates and limits are data, never constants in code.
// Instants are stored as instants; dates that the guide states as days are DateOnly in the call's
// time zone (Asia/Shanghai).
public sealed class GrantCall
{
    public CallId Id { get; set; } = CallId.New();
    public string Code { get; set; } = "";
    public string Programme { get; set; } = "";
    public string? ProgrammeEn { get; set; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    public DateOnly GuidePublishedOn { get; set; }
    public DateTimeOffset PreWindowOpens { get; set; }
    public DateTimeOffset PreWindowCloses { get; set; }
    // Recommending units' deadline: "2019-01-16" is read as the end of that day in Beijing time,
    // stored as the instant the deadline falls (2019-01-17 00:00 +08:00).
    public DateTimeOffset RecommenderDeadline { get; set; }
    public int NarrativeLimit { get; set; }
    public decimal ShortlistFactorMin { get; set; }
    public decimal ShortlistFactorMax { get; set; }
    public int FullWindowDays { get; set; }
    public DateOnly UnitRegistrationCutoff { get; set; }
    public DateOnly PiBornOnOrAfter { get; set; }
    public DateOnly ForeignLeadBornOnOrAfter { get; set; }
    public DateOnly OngoingCutoff { get; set; }
    public int ForeignPartnerMinYears { get; set; }
    public int KeyMemberLimit { get; set; }
    public int ForeignMemberLimit { get; set; }
    public int ExpertsPerApplication { get; set; }
    public int MaxAvoidedExperts { get; set; }
    public long AttachmentMaxBytes { get; set; }
    // The rule set of the call: the ids of the rules it uses (DOMAIN.md "Eligibility rules").
    public List<string> RuleIds { get; set; } = [];
    public bool IsDemo { get; set; }
    public uint Version { get; set; }
    public List<GuideDirection> Directions { get; set; } = [];

    public bool IsPreWindowOpen(DateTimeOffset now) => now >= PreWindowOpens && now < PreWindowCloses;
}
