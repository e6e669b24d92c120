using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

public enum IdentityDocumentType
{
    ResidentIdCard = 1,
    Passport = 2,
    HongKongMacaoPermit = 3,
    TaiwanPermit = 4,
}

// PI-TITLE: a senior professional title (高级职称) or a doctorate.
public enum ProfessionalTitle
{
    None = 0,
    Junior = 1,
    Intermediate = 2,
    AssociateSenior = 3,
    Senior = 4,
}

public enum Degree
{
    None = 0,
    Bachelor = 1,
    Master = 2,
    Doctorate = 3,
}

// People are identified across applications by identity document, never by name (DOMAIN.md).
public sealed class Person
{
    public PersonId Id { get; set; } = PersonId.New();
    public IdentityDocumentType DocumentType { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public DateOnly BirthDate { get; set; }
    public ProfessionalTitle Title { get; set; }
    public Degree Degree { get; set; }
    public bool IsCivilServant { get; set; }
    public string? Nationality { get; set; }
    public UnitId? UnitId { get; set; }
    public bool IsVerified { get; set; } = true;
    public uint Version { get; set; }
}
