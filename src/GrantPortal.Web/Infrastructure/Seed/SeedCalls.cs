using GrantPortal.Domain.Calls;

namespace GrantPortal.Web.Infrastructure.Seed;

// The 2018 call of the special project "Strategic International S&T Innovation Cooperation"
// (国科发资〔2018〕264号) as the guide publishes it, and a demo copy whose windows are moved
// around today. The guide's annex (directions, indicators, slots) is not in the seed newsletter:
// the directions below are plausible examples and are marked IsExample.
public static class SeedCalls
{
    public const string Code2018 = "2018-SIC";
    public const string CodeDemo = "DEMO-SIC";

    // The rule set of the MOST call: every rule of DOMAIN.md "Eligibility rules".
    public static readonly string[] MostRules =
    [
        "UNIT-MAINLAND", "UNIT-REG-DATE", "UNIT-NOT-STATE-ORGAN", "UNIT-INTEGRITY", "UNIT-ONE-RECOMMENDER", "RECOMMENDER-SCOPE",
        "FOREIGN-PARTNER-REQUIRED", "FOREIGN-PARTNER-AGE", "FOREIGN-COOPERATION-PROOF", "FOREIGN-LEAD-AGE", "FOREIGN-LEAD-TIME",
        "FOREIGN-LEAD-ONE-PARTNER", "FOREIGN-MEMBER-LIMIT", "FOREIGN-LEAD-LIMIT",
        "PI-AGE", "PI-TITLE", "PI-TIME", "PI-NOT-CIVIL-SERVANT", "PI-ONE-APPLICATION", "PI-NO-ONGOING-LEAD",
        "KRD-LEADER-NO-PARTICIPATION", "KEY-MEMBER-LIMIT", "LEFT-TEAM-BAR", "ONGOING-CUTOFF", "GUIDE-EXPERT-BAR", "FOREIGN-PI-EMPLOYMENT",
        "DIRECTION-INDICATORS", "DOC-JOINT-AGREEMENT", "DOC-INTEGRITY", "DOC-IP-AGREEMENT", "DOC-ENTERPRISE-MATCHING",
    ];

    public static GrantCall Call2018() => Apply(new GrantCall
    {
        Code = Code2018,
        Title = "“战略性国际科技创新合作”重点专项 2018年度项目申报指南",
        TitleEn = "Strategic International S&T Innovation Cooperation: 2018 call for proposals",
        GuidePublishedOn = new DateOnly(2018, 11, 23),
        PreWindowOpens = BeijingTime.At(new DateOnly(2018, 12, 5), new TimeOnly(8, 0)),
        PreWindowCloses = BeijingTime.At(new DateOnly(2019, 1, 14), new TimeOnly(16, 0)),
        RecommenderDeadline = BeijingTime.EndOfDay(new DateOnly(2019, 1, 16)),
    });

    // The demo copy: the same rule parameters, its windows moved so that a newcomer can submit today.
    public static GrantCall Demo(DateOnly today) => Apply(new GrantCall
    {
        Code = CodeDemo,
        Title = "“战略性国际科技创新合作”重点专项（演示，窗口随今日调整）",
        TitleEn = "Strategic International S&T Innovation Cooperation (demo, windows moved around today)",
        IsDemo = true,
    }.WithWindowsAround(today));

    public static GrantCall WithWindowsAround(this GrantCall call, DateOnly today)
    {
        call.GuidePublishedOn = today.AddDays(-30);
        call.PreWindowOpens = BeijingTime.At(today.AddDays(-7), new TimeOnly(8, 0));
        call.PreWindowCloses = BeijingTime.At(today.AddDays(30), new TimeOnly(16, 0));
        call.RecommenderDeadline = BeijingTime.EndOfDay(today.AddDays(32));
        return call;
    }

    private static GrantCall Apply(GrantCall call)
    {
        call.Programme = "国家重点研发计划“战略性国际科技创新合作”重点专项";
        call.ProgrammeEn = "National Key R&D Programme: Strategic International S&T Innovation Cooperation";
        call.DocumentNumber = "国科发资〔2018〕264号";
        call.TimeZoneId = "Asia/Shanghai";
        call.NarrativeLimit = 3000;
        call.ShortlistFactorMin = 3;
        call.ShortlistFactorMax = 4;
        call.FullWindowDays = 30;
        call.UnitRegistrationCutoff = new DateOnly(2017, 9, 30);
        call.PiBornOnOrAfter = new DateOnly(1958, 1, 1);
        call.ForeignLeadBornOnOrAfter = new DateOnly(1953, 1, 1);
        call.OngoingCutoff = new DateOnly(2019, 6, 30);
        call.ForeignPartnerMinYears = 3;
        call.KeyMemberLimit = 2;
        call.ForeignMemberLimit = 2;
        call.ExpertsPerApplication = 5;
        call.MaxAvoidedExperts = 3;
        call.AttachmentMaxBytes = 20L * 1024 * 1024;
        call.RuleIds = [.. MostRules];
        call.Directions =
        [
            Direction(call, 1, "1", "中欧科技创新合作：新能源与智能电网（示例）", "China–Europe cooperation: new energy and smart grids (example)", 3,
                ["联合研制兆瓦级储能系统示范样机 1 套（示例）", "形成国际标准提案不少于 2 项（示例）"]),
            Direction(call, 2, "2", "中美科技创新合作：生物医药（示例）", "China–US cooperation: biomedicine (example)", 2,
                ["完成候选药物临床前研究 2 项（示例）", "建立联合实验室 1 个（示例）"]),
            Direction(call, 3, "3", "“一带一路”科技创新合作：现代农业（示例）", "Belt and Road cooperation: modern agriculture (example)", 4,
                ["在合作国建立示范基地不少于 2 个（示例）", "培训技术人员不少于 100 人次（示例）"]),
            Direction(call, 4, "4", "中日韩科技创新合作：先进制造（示例）", "China–Japan–Korea cooperation: advanced manufacturing (example)", 2,
                ["突破关键工艺 3 项（示例）", "申请发明专利不少于 5 项（示例）"]),
        ];
        return call;
    }

    private static GuideDirection Direction(GrantCall call, int order, string number, string title, string titleEn, int slots, List<string> indicators) => new()
    {
        CallId = call.Id,
        Number = number,
        Title = title,
        TitleEn = titleEn,
        Slots = slots,
        Indicators = indicators,
        IsExample = true,
        SortOrder = order,
    };
}
