using System.Globalization;
using GrantPortal.Domain.Calls;

namespace GrantPortal.Web.Tests.Calls;

// Test data for calls: the edit page's form fields and the API body, with the window closing
// a given number of days after the guide is published.
public static class CallForms
{
    public static readonly DateOnly Published = new(2026, 12, 1);

    public static string NewCode() => "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static Dictionary<string, string> Page(string code, int closeDays = 52, string title = "测试指南", uint version = 0)
    {
        var close = Published.AddDays(closeDays);
        return new Dictionary<string, string>
        {
            ["Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Code"] = code,
            ["Programme"] = "国家重点研发计划测试专项",
            ["ProgrammeEn"] = "Test programme",
            ["Title"] = title,
            ["TitleEn"] = "Test call",
            ["DocumentNumber"] = "国科发资〔2026〕1号",
            ["GuidePublishedOn"] = D(Published),
            ["PreWindowOpensDate"] = D(Published.AddDays(12)),
            ["PreWindowOpensTime"] = "08:00",
            ["PreWindowClosesDate"] = D(close),
            ["PreWindowClosesTime"] = "16:00",
            ["RecommenderDeadlineOn"] = D(close.AddDays(2)),
            ["NarrativeLimit"] = "3000",
            ["ShortlistFactorMin"] = "3",
            ["ShortlistFactorMax"] = "4",
            ["FullWindowDays"] = "30",
            ["UnitRegistrationCutoff"] = "2025-09-30",
            ["PiBornOnOrAfter"] = "1966-01-01",
            ["ForeignLeadBornOnOrAfter"] = "1961-01-01",
            ["OngoingCutoff"] = "2027-06-30",
            ["ForeignPartnerMinYears"] = "3",
            ["KeyMemberLimit"] = "2",
            ["ForeignMemberLimit"] = "2",
            ["ExpertsPerApplication"] = "5",
            ["MaxAvoidedExperts"] = "3",
            ["AttachmentMaxMegabytes"] = "20",
            ["RuleIds"] = "PI-AGE",
            ["Directions[0].Number"] = "1",
            ["Directions[0].Title"] = "测试方向一",
            ["Directions[0].TitleEn"] = "Test direction one",
            ["Directions[0].Slots"] = "3",
            ["Directions[0].Indicators"] = "指标甲\n指标乙",
            ["Directions[0].IsExample"] = "true",
        };
    }

    public static Dictionary<string, object?> Api(string code, int closeDays = 52, string title = "测试指南", uint version = 0)
    {
        var close = Published.AddDays(closeDays);
        return new Dictionary<string, object?>
        {
            ["version"] = version,
            ["code"] = code,
            ["programme"] = "国家重点研发计划测试专项",
            ["programmeEn"] = "Test programme",
            ["title"] = title,
            ["titleEn"] = "Test call",
            ["documentNumber"] = "国科发资〔2026〕1号",
            ["guidePublishedOn"] = D(Published),
            ["preWindowOpens"] = BeijingTime.At(Published.AddDays(12), new TimeOnly(8, 0)),
            ["preWindowCloses"] = BeijingTime.At(close, new TimeOnly(16, 0)),
            ["recommenderDeadlineOn"] = D(close.AddDays(2)),
            ["narrativeLimit"] = 3000,
            ["shortlistFactorMin"] = 3,
            ["shortlistFactorMax"] = 4,
            ["fullWindowDays"] = 30,
            ["unitRegistrationCutoff"] = "2025-09-30",
            ["piBornOnOrAfter"] = "1966-01-01",
            ["foreignLeadBornOnOrAfter"] = "1961-01-01",
            ["ongoingCutoff"] = "2027-06-30",
            ["foreignPartnerMinYears"] = 3,
            ["keyMemberLimit"] = 2,
            ["foreignMemberLimit"] = 2,
            ["expertsPerApplication"] = 5,
            ["maxAvoidedExperts"] = 3,
            ["attachmentMaxMegabytes"] = 20,
            ["ruleIds"] = new[] { "PI-AGE", "PI-TITLE" },
            ["directions"] = new[]
            {
                new { id = (Guid?)null, number = "1", title = "接口方向", titleEn = "API direction", slots = 2, indicators = new[] { "指标一" }, isExample = false },
            },
        };
    }

    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
