namespace GrantPortal.Domain.Applications;

// FOREIGN-LEAD-AGE: the exceptions the guide names for a foreign lead born before the call's date
// ("诺贝尔奖、图灵奖、菲尔兹奖获得者，合作国家院士，国际知名学者，关键人物等特殊情况须作出专门说明").
public enum ForeignLeadException
{
    NobelLaureate = 1,       // 诺贝尔奖获得者
    TuringLaureate = 2,      // 图灵奖获得者
    FieldsMedalist = 3,      // 菲尔兹奖获得者
    PartnerAcademician = 4,  // 合作国家院士
    RenownedScholar = 5,     // 国际知名学者
    KeyPerson = 6,           // 关键人物
}
