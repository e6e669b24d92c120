using System.Text.Json.Serialization;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Web.Features.Registries.People;

// A person as pages and the API read it. DocumentNumber is masked for anyone but the platform
// admin (DocumentNumberMasked says so).
public sealed record PersonData(
    Guid Id,
    [property: JsonConverter(typeof(JsonStringEnumConverter<IdentityDocumentType>))] IdentityDocumentType DocumentType,
    string DocumentNumber,
    bool DocumentNumberMasked,
    string Name,
    string? NameEn,
    DateOnly BirthDate,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ProfessionalTitle>))] ProfessionalTitle Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Degree>))] Degree Degree,
    bool IsCivilServant,
    string? Nationality,
    Guid? UnitId,
    string? UnitName,
    string? UnitNameEn,
    bool IsVerified,
    uint Version)
{
    public static PersonData From(Person p, Unit? unit, bool mask) => new(
        p.Id.Value, p.DocumentType, mask ? RegistryScope.MaskDocument(p.DocumentNumber) : p.DocumentNumber, mask, p.Name, p.NameEn, p.BirthDate,
        p.Title, p.Degree, p.IsCivilServant, p.Nationality, p.UnitId?.Value, unit?.Name, unit?.NameEn, p.IsVerified, p.Version);
}

// What the edit form and the API body carry: every editable field of Person.cs and the Version
// the user started from. The unit is given by its id, picked from the units registry.
public sealed class PersonInput
{
    [JsonConverter(typeof(JsonStringEnumConverter<IdentityDocumentType>))]
    public IdentityDocumentType? DocumentType { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public DateOnly? BirthDate { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<ProfessionalTitle>))]
    public ProfessionalTitle Title { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter<Degree>))]
    public Degree Degree { get; set; }
    public bool IsCivilServant { get; set; }
    public string? Nationality { get; set; }
    public Guid? UnitId { get; set; }
    public bool IsVerified { get; set; } = true;
    public uint Version { get; set; }

    public static PersonInput From(PersonData p) => new()
    {
        DocumentType = p.DocumentType, DocumentNumber = p.DocumentNumber, Name = p.Name, NameEn = p.NameEn, BirthDate = p.BirthDate,
        Title = p.Title, Degree = p.Degree, IsCivilServant = p.IsCivilServant, Nationality = p.Nationality, UnitId = p.UnitId,
        IsVerified = p.IsVerified, Version = p.Version,
    };
}
