using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

// The programmes whose ongoing projects count for the project-count rules (DOMAIN.md: the
// pre-reform programmes, National S&T Major Projects, the National Key R&D Programme).
public enum Programme
{
    NationalKeyRd = 1,             // 国家重点研发计划
    NationalSciTechMajor = 2,      // 国家科技重大专项
    Program973 = 10,               // 973 计划
    Program863 = 11,               // 863 计划
    KeyTechnologiesRd = 12,        // 国家科技支撑计划
    InternationalCooperation = 13, // 国际科技合作与交流专项
    MajorScientificInstruments = 14, // 国家重大科学仪器设备开发专项
    PublicWelfareIndustry = 15,    // 公益性行业科研专项
}

public enum OngoingRole
{
    ProjectLeader = 1,       // 项目负责人
    TaskLeader = 2,          // 课题（任务）负责人
    KeyMember = 3,           // 项目骨干
}

public readonly record struct OngoingProjectId(Guid Value)
{
    public static OngoingProjectId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

// One person's part in one ongoing project (在研项目), as the Exchange Center's registry holds it.
// A person identified by identity document; ONGOING-CUTOFF compares EndsOn (extensions included)
// with the call's cut-off; LEFT-TEAM-BAR uses LeftTeamOn and the original end of the period.
public sealed class OngoingProject
{
    public OngoingProjectId Id { get; set; } = OngoingProjectId.New();
    public Programme Programme { get; set; }
    public string ProjectCode { get; set; } = "";
    public string? ProjectTitle { get; set; }
    public IdentityDocumentType DocumentType { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string PersonName { get; set; } = "";
    public OngoingRole Role { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly OriginalEndsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateOnly? LeftTeamOn { get; set; }
    public uint Version { get; set; }

    public bool IsOngoingAfter(DateOnly cutoff) => EndsOn > cutoff;
}
