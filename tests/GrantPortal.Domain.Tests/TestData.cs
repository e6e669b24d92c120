using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests;

internal static class TestData
{
    public static readonly DateOnly Today = new(2019, 1, 10);

    // Tsinghua University's published unified social credit code.
    public const string TsinghuaUscc = "12100000400000624D";

    // The example of GB 11643-1999: born 1949-12-31, check character X.
    public const string StandardResidentId = "11010519491231002X";

    public static Unit DomesticUnit() => new()
    {
        Name = "清华大学",
        Kind = UnitKind.University,
        SocialCreditCode = TsinghuaUscc,
        RegistrationDate = new DateOnly(1952, 1, 1),
    };

    public static Unit ForeignUnit() => new()
    {
        Name = "Technische Universität München",
        Kind = UnitKind.ForeignUniversity,
        CountryCode = "DE",
        ForeignRegistrationNumber = "TUM1868",
        RegistrationDate = new DateOnly(1868, 4, 12),
    };

    public static Person ResidentPerson() => new()
    {
        Name = "张三",
        DocumentType = IdentityDocumentType.ResidentIdCard,
        DocumentNumber = StandardResidentId,
        BirthDate = new DateOnly(1949, 12, 31),
    };

    public static Person PassportHolder() => new()
    {
        Name = "Anna Schmidt",
        DocumentType = IdentityDocumentType.Passport,
        DocumentNumber = "C01X00T47",
        BirthDate = new DateOnly(1970, 5, 6),
        Nationality = "DE",
    };

    // The 2018 call of 国科发资〔2018〕264号 (DOMAIN.md "Calls and directions").
    public static GrantCall Call2018() => new()
    {
        Code = "SIIC-2018",
        Programme = "战略性国际科技创新合作重点专项",
        Title = "2018年度项目申报指南",
        DocumentNumber = "国科发资〔2018〕264号",
        GuidePublishedOn = new DateOnly(2018, 11, 23),
        PreWindowOpens = BeijingTime.At(new DateOnly(2018, 12, 5), new TimeOnly(8, 0)),
        PreWindowCloses = BeijingTime.At(new DateOnly(2019, 1, 14), new TimeOnly(16, 0)),
        RecommenderDeadline = BeijingTime.EndOfDay(new DateOnly(2019, 1, 16)),
        NarrativeLimit = 3000,
        ShortlistFactorMin = 3,
        ShortlistFactorMax = 4,
        FullWindowDays = 30,
        UnitRegistrationCutoff = new DateOnly(2017, 9, 30),
        PiBornOnOrAfter = new DateOnly(1958, 1, 1),
        ForeignLeadBornOnOrAfter = new DateOnly(1953, 1, 1),
        OngoingCutoff = new DateOnly(2019, 6, 30),
        ForeignPartnerMinYears = 3,
        KeyMemberLimit = 2,
        ForeignMemberLimit = 2,
        ExpertsPerApplication = 5,
        MaxAvoidedExperts = 3,
        AttachmentMaxBytes = 20 * 1024 * 1024,
    };
}
