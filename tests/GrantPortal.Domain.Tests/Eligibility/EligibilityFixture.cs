using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests.Eligibility;

// An eligible pre-proposal of the 2018 call submitted on 2019-01-10; each test breaks one thing.
internal sealed class EligibilityFixture
{
    public static readonly string[] AllRules = [.. RuleSet.Ids];

    public GrantCall Call { get; } = TestData.Call2018();
    public DateOnly Day { get; set; } = TestData.Today;
    public Unit Lead { get; } = TestData.DomesticUnit();
    public Unit Partner { get; } = TestData.ForeignUnit();
    public Unit Recommender { get; } = new() { Name = "北京市科委", Kind = UnitKind.ProvincialStDepartment, Province = "北京", IsStateOrgan = true };
    public Person Pi { get; } = Chinese("张伟", "110105197503121234", new(1975, 3, 12));
    public Person KeyMember { get; } = Chinese("李娜", "110108198207082345", new(1982, 7, 8));
    public Person ForeignLead { get; } = TestData.PassportHolder();
    public Person ForeignMember { get; } = new() { Name = "Tanaka", DocumentType = IdentityDocumentType.Passport, DocumentNumber = "TK1234567", BirthDate = new(1970, 1, 1), Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Nationality = "JP" };
    public PreProposal Proposal { get; }
    public GuideDirection Direction { get; } = new() { Number = "1", Title = "示例", Indicators = ["指标一", "指标二"] };
    public List<OngoingProject> Ongoing { get; } = [];
    public List<OtherApplication> Others { get; } = [];
    public HashSet<AttachmentKind> Attachments { get; } =
        [AttachmentKind.JointAgreement, AttachmentKind.UnitIntegrity, AttachmentKind.PiIntegrity, AttachmentKind.IpAgreement, AttachmentKind.CooperationProof, AttachmentKind.ForeignLeadAppointment];
    public bool SigningDate { get; set; } = true;
    public HashSet<PersonKey> GuideExperts { get; } = [];
    public List<PersonSanction> Sanctions { get; } = [];
    public List<Unit> ExtraUnits { get; } = [];
    public List<Person> ExtraPeople { get; } = [];

    public EligibilityFixture()
    {
        Lead.Province = "北京";
        Lead.RegistrationDate = new(2017, 9, 30);
        Partner.RegistrationDate = new(2010, 1, 1);
        ForeignLead.Title = ProfessionalTitle.Senior;
        ForeignLead.Degree = Degree.Doctorate;
        Pi.Title = ProfessionalTitle.Senior;
        KeyMember.Degree = Degree.Doctorate;
        Call.RuleIds = [.. AllRules];
        Proposal = new PreProposal
        {
            Title = "中德储能联合研究",
            LeadUnitId = Lead.Id,
            PiPersonId = Pi.Id,
            PiMonthsPerYear = 8,
            DirectionId = Direction.Id,
            Units = [new() { UnitId = Partner.Id }],
            Members =
            [
                new() { PersonId = KeyMember.Id, Role = MemberRole.KeyMember, SortOrder = 1 },
                new() { PersonId = ForeignLead.Id, Role = MemberRole.ForeignLead, SortOrder = 2 },
                new() { PersonId = ForeignMember.Id, Role = MemberRole.ForeignMember, SortOrder = 3 },
            ],
            IndicatorAnswers = [new() { IndicatorIndex = 0, Answer = "样机" }, new() { IndicatorIndex = 1, Answer = "标准" }],
        };
    }

    public static Person Chinese(string name, string id, DateOnly born) => new()
    {
        Name = name, DocumentType = IdentityDocumentType.ResidentIdCard, DocumentNumber = id, BirthDate = born,
        Title = ProfessionalTitle.Senior, Degree = Degree.Doctorate, Nationality = "CN",
    };

    public EligibilityInput Input() => new(
        Call, Day, Proposal,
        new[] { Lead, Partner, Recommender }.Concat(ExtraUnits).ToDictionary(u => u.Id),
        new[] { Pi, KeyMember, ForeignLead, ForeignMember }.Concat(ExtraPeople).ToDictionary(p => p.Id),
        Ongoing, Others, Attachments, SigningDate, Recommender.Id, Direction, GuideExperts, Sanctions);

    public IReadOnlyList<Finding> Run() => RuleSet.Run(Input());

    public IReadOnlyList<Finding> Blocking() => [.. Run().Where(f => f.Severity == Severity.Blocking)];

    public IReadOnlyList<string> BlockingIds() => [.. Blocking().Select(f => f.RuleId)];

    public OngoingProject Project(Person person, OngoingRole role, DateOnly endsOn, Programme programme = Programme.NationalKeyRd)
    {
        var p = new OngoingProject
        {
            Programme = programme, ProjectCode = "2017YFE" + Ongoing.Count.ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
            DocumentType = person.DocumentType, DocumentNumber = person.DocumentNumber.ToLowerInvariant(), PersonName = "(registry)",
            Role = role, StartsOn = new(2017, 7, 1), OriginalEndsOn = endsOn, EndsOn = endsOn,
        };
        Ongoing.Add(p);
        return p;
    }

    public OtherApplication Other(Person? pi = null, UnitId? lead = null, string title = "另一个项目", params (Person Person, MemberRole Role)[] members)
    {
        var a = new OtherApplication(ProposalId.New(), lead ?? UnitId.New(), pi is null ? null : PersonKey.Of(pi),
            [.. members.Select(m => new OtherMember(PersonKey.Of(m.Person), m.Role))], Recommender.Id, title);
        Others.Add(a);
        return a;
    }
}
