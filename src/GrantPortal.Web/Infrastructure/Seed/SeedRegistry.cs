using GrantPortal.Domain.Registries;

namespace GrantPortal.Web.Infrastructure.Seed;

// Demo registry data: units of every kind the guide names and people with identity documents.
// Names are fictional (marked 示例/demo); codes carry valid check digits.
public static class SeedRegistry
{
    public static string Uscc(string first17) => SocialCreditCode.WithCheckDigit(first17);

    public static string Rid(string first17) => ResidentIdNumber.WithCheckDigit(first17);

    public static readonly string UniversityCode = Uscc("12110000400000123");
    public static readonly string SecondUniversityCode = Uscc("12310000400000456");
    public static readonly string InstituteCode = Uscc("12100000400012345");
    public static readonly string EnterpriseCode = Uscc("91310000MA1FL2345");
    public static readonly string StateOrganCode = Uscc("11110000000054321");
    public static readonly string ProvinceCode = Uscc("11110000000012345");
    public static readonly string MinistryCode = Uscc("11100000000013345");
    public static readonly string AssociationCode = Uscc("51100000500012345");
    public static readonly string AllianceCode = Uscc("51100000500023456");
    public static readonly string ExchangeCenterCode = Uscc("12100000400098765");

    public static IReadOnlyList<Unit> Units() =>
    [
        Domestic("京华大学（示例）", "Jinghua University (demo)", UnitKind.University, UniversityCode, new(1952, 10, 1), "北京", "教育部"),
        Domestic("东海大学（示例）", "Donghai University (demo)", UnitKind.University, SecondUniversityCode, new(1958, 9, 1), "上海", "教育部"),
        Domestic("中科先进材料研究所（示例）", "Institute of Advanced Materials (demo)", UnitKind.ResearchInstitute, InstituteCode, new(1978, 3, 1), "北京", "中国科学院"),
        Domestic("华创新能源科技有限公司（示例）", "Huachuang New Energy Technology Co., Ltd. (demo)", UnitKind.Enterprise, EnterpriseCode, new(2016, 5, 20), "上海", null),
        Domestic("某市人民政府办公室（示例）", "Municipal Government Office (demo)", UnitKind.StateOrgan, StateOrganCode, new(1990, 1, 1), "北京", null, stateOrgan: true),
        Domestic("北京市科学技术委员会（示例）", "Beijing Municipal Science & Technology Commission (demo)", UnitKind.ProvincialStDepartment, ProvinceCode, new(1978, 1, 1), "北京", null, stateOrgan: true),
        Domestic("教育部科学技术与信息化司（示例）", "Ministry of Education, Dept. of S&T (demo)", UnitKind.MinistryStDepartment, MinistryCode, new(1985, 1, 1), null, "教育部", stateOrgan: true),
        Domestic("中国国际科技交流协会（示例）", "China Association for International S&T Exchange (demo)", UnitKind.Association, AssociationCode, new(1992, 6, 1), null, "科学技术部"),
        Domestic("中欧新能源产业技术创新战略联盟（示例）", "China–EU New Energy Innovation Alliance (demo)", UnitKind.Alliance, AllianceCode, new(2012, 4, 1), null, "科学技术部"),
        Domestic("中国科学技术交流中心", "China Science and Technology Exchange Center", UnitKind.ExchangeCenter, ExchangeCenterCode, new(1987, 1, 1), "北京", "科学技术部"),
        Foreign("德姆施塔特工业大学（示例）", "Technische Universität Demostadt (demo)", UnitKind.ForeignUniversity, "DE", "VR-4711", new(1877, 10, 1)),
        Foreign("京都示范理工研究院（示例）", "Kyoto Demo Institute of Technology (demo)", UnitKind.ForeignResearchInstitute, "JP", "0100-05-012345", new(1960, 4, 1)),
        Foreign("诺斯布里奇生物有限公司（示例）", "Northbridge Bio Ltd (demo)", UnitKind.ForeignEnterprise, "GB", "09876543", new(2017, 2, 14)),
    ];

    // 杨帆: the demo call's guide-drafting expert (GUIDE-EXPERT-BAR), on no demo team.
    public const string GuideExpertDocumentPrefix = "31010119780909678";
    // RECOMMENDER-SCOPE: the demo association's and alliance's member units (list, member), by credit code.
    public static IReadOnlyList<(string List, string Member)> Memberships() =>
    [
        (AssociationCode, UniversityCode), (AssociationCode, InstituteCode),
        (AllianceCode, EnterpriseCode), (AllianceCode, SecondUniversityCode),
    ];

    public sealed record SeedPerson(Person Person, string? UnitCode, string? ForeignRegistration = null);

    public static IReadOnlyList<SeedPerson> People() =>
    [
        Chinese("张伟", "ZHANG Wei", "11010519750312123", new(1975, 3, 12), ProfessionalTitle.Senior, Degree.Doctorate, UniversityCode),
        Chinese("李娜", "LI Na", "11010819820708234", new(1982, 7, 8), ProfessionalTitle.AssociateSenior, Degree.Doctorate, UniversityCode),
        Chinese("王强", "WANG Qiang", "31010419571231345", new(1957, 12, 31), ProfessionalTitle.Senior, Degree.Master, SecondUniversityCode),
        Chinese("刘洋", "LIU Yang", "31011519860215456", new(1986, 2, 15), ProfessionalTitle.Intermediate, Degree.Doctorate, SecondUniversityCode),
        Chinese("陈静", "CHEN Jing", "11010819800101567", new(1980, 1, 1), ProfessionalTitle.Senior, Degree.Doctorate, InstituteCode),
        Chinese("杨帆", "YANG Fan", "31010119780909678", new(1978, 9, 9), ProfessionalTitle.Senior, Degree.Master, EnterpriseCode),
        Chinese("赵敏", "ZHAO Min", "11010219700606789", new(1970, 6, 6), ProfessionalTitle.None, Degree.Master, ProvinceCode, civilServant: true),
        Passport("汉斯·穆勒", "Hans MÜLLER", "C01X00T47", new(1960, 5, 5), "DE", "VR-4711"),
        Passport("田中由纪", "TANAKA Yuki", "TK1234567", new(1950, 2, 2), "JP", "0100-05-012345"),
    ];

    private static Unit Domestic(string name, string en, UnitKind kind, string code, DateOnly registered, string? province, string? ministry, bool stateOrgan = false) => new()
    {
        Name = name, NameEn = en, Kind = kind, SocialCreditCode = code, RegistrationDate = registered,
        Province = province, SupervisingMinistry = ministry, IsStateOrgan = stateOrgan || kind == UnitKind.StateOrgan,
    };

    private static Unit Foreign(string name, string en, UnitKind kind, string country, string registration, DateOnly registered) => new()
    {
        Name = name, NameEn = en, Kind = kind, CountryCode = country, ForeignRegistrationNumber = registration, RegistrationDate = registered,
    };

    private static SeedPerson Chinese(string name, string en, string first17, DateOnly born, ProfessionalTitle title, Degree degree, string unitCode, bool civilServant = false) =>
        new(new Person
        {
            DocumentType = IdentityDocumentType.ResidentIdCard, DocumentNumber = Rid(first17), Name = name, NameEn = en, BirthDate = born,
            Title = title, Degree = degree, IsCivilServant = civilServant, Nationality = "CN",
        }, unitCode);

    private static SeedPerson Passport(string name, string en, string number, DateOnly born, string nationality, string foreignRegistration) =>
        new(new Person
        {
            DocumentType = IdentityDocumentType.Passport, DocumentNumber = number, Name = name, NameEn = en, BirthDate = born,
            Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Nationality = nationality,
        }, null, foreignRegistration);
}
