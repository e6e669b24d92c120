using System.Text.Json.Serialization;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Web.Features.Registries.Units;

// A unit as pages and the API read it.
public sealed record UnitData(
    Guid Id,
    string Name,
    string? NameEn,
    [property: JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))] UnitKind Kind,
    string? SocialCreditCode,
    string? CountryCode,
    string? ForeignRegistrationNumber,
    DateOnly? RegistrationDate,
    bool IsStateOrgan,
    bool IsCreditBlacklisted,
    string? Province,
    string? SupervisingMinistry,
    bool IsVerified,
    bool IsForeign,
    uint Version)
{
    public static UnitData From(Unit u) => new(
        u.Id.Value, u.Name, u.NameEn, u.Kind, u.SocialCreditCode, u.CountryCode, u.ForeignRegistrationNumber, u.RegistrationDate,
        u.IsStateOrgan, u.IsCreditBlacklisted, u.Province, u.SupervisingMinistry, u.IsVerified, u.IsForeign, u.Version);
}

// What the edit form and the API body carry: every editable field of Unit.cs, and the Version the
// user started from (optimistic concurrency; ignored when creating).
public sealed class UnitInput
{
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
    public UnitKind? Kind { get; set; }
    public string? SocialCreditCode { get; set; }
    public string? CountryCode { get; set; }
    public string? ForeignRegistrationNumber { get; set; }
    public DateOnly? RegistrationDate { get; set; }
    public bool IsStateOrgan { get; set; }
    public bool IsCreditBlacklisted { get; set; }
    public string? Province { get; set; }
    public string? SupervisingMinistry { get; set; }
    public bool IsVerified { get; set; } = true;
    public uint Version { get; set; }

    public static UnitInput From(UnitData u) => new()
    {
        Name = u.Name, NameEn = u.NameEn, Kind = u.Kind, SocialCreditCode = u.SocialCreditCode, CountryCode = u.CountryCode,
        ForeignRegistrationNumber = u.ForeignRegistrationNumber, RegistrationDate = u.RegistrationDate, IsStateOrgan = u.IsStateOrgan,
        IsCreditBlacklisted = u.IsCreditBlacklisted, Province = u.Province, SupervisingMinistry = u.SupervisingMinistry,
        IsVerified = u.IsVerified, Version = u.Version,
    };
}
