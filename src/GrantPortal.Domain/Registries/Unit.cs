using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

// A unit of the registry. Chinese units are identified by their unified social credit code,
// foreign units by country plus registration number (DOMAIN.md).
public sealed class Unit
{
    public UnitId Id { get; set; } = UnitId.New();
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public UnitKind Kind { get; set; }
    public string? SocialCreditCode { get; set; }
    public string? CountryCode { get; set; }
    public string? ForeignRegistrationNumber { get; set; }
    public DateOnly? RegistrationDate { get; set; }
    public bool IsStateOrgan { get; set; }
    public bool IsCreditBlacklisted { get; set; }
    public string? Province { get; set; }
    public string? SupervisingMinistry { get; set; }
    // A unit proposed by an applicant stays unverified until the platform admin checks it.
    public bool IsVerified { get; set; } = true;
    public uint Version { get; set; }

    public bool IsForeign => Kind.IsForeign();
}
