namespace GrantPortal.Domain.Registries;

// The kinds of unit the guide names. Lead and participating Chinese units are universities,
// research institutes or enterprises (UNIT-MAINLAND); recommending units are of the four kinds
// of RECOMMENDER-SCOPE; the Exchange Center runs the review.
public enum UnitKind
{
    University = 1,
    ResearchInstitute = 2,
    Enterprise = 3,
    OtherDomestic = 4,
    ForeignUniversity = 10,
    ForeignResearchInstitute = 11,
    ForeignEnterprise = 12,
    ForeignOther = 13,
    ProvincialStDepartment = 20,
    MinistryStDepartment = 21,
    Association = 22,
    Alliance = 23,
    ExchangeCenter = 30,
    StateOrgan = 40,
}

public static class UnitKinds
{
    public static bool IsForeign(this UnitKind kind) => kind is >= UnitKind.ForeignUniversity and <= UnitKind.ForeignOther;

    public static bool IsRecommending(this UnitKind kind) => kind is >= UnitKind.ProvincialStDepartment and <= UnitKind.Alliance;
}
