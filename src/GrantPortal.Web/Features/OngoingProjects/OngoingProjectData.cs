using System.Text.Json.Serialization;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries;

namespace GrantPortal.Web.Features.OngoingProjects;

// One record of the registry of ongoing projects (在研项目) as pages and the API show it.
public sealed record OngoingProjectData(
    Guid Id, [property: JsonConverter(typeof(JsonStringEnumConverter))] Programme Programme, string ProjectCode, string? ProjectTitle, [property: JsonConverter(typeof(JsonStringEnumConverter))] IdentityDocumentType DocumentType, string DocumentNumber,
    string PersonName, [property: JsonConverter(typeof(JsonStringEnumConverter))] OngoingRole Role, DateOnly StartsOn, DateOnly OriginalEndsOn, DateOnly EndsOn, DateOnly? LeftTeamOn, uint Version)
{
    public static OngoingProjectData From(OngoingProject p) => new(
        p.Id.Value, p.Programme, p.ProjectCode, p.ProjectTitle, p.DocumentType, p.DocumentNumber, p.PersonName, p.Role,
        p.StartsOn, p.OriginalEndsOn, p.EndsOn, p.LeftTeamOn, p.Version);
}

// The edit form and the POST/PUT body; PUT carries the Version read with the record.
public sealed class OngoingProjectInput
{
    [JsonConverter(typeof(JsonStringEnumConverter))] public Programme? Programme { get; set; }
    public string? ProjectCode { get; set; }
    public string? ProjectTitle { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter))] public IdentityDocumentType? DocumentType { get; set; }
    public string? DocumentNumber { get; set; }
    public string? PersonName { get; set; }
    [JsonConverter(typeof(JsonStringEnumConverter))] public OngoingRole? Role { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? OriginalEndsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateOnly? LeftTeamOn { get; set; }
    public uint Version { get; set; }

    public static OngoingProjectInput From(OngoingProjectData d) => new()
    {
        Programme = d.Programme, ProjectCode = d.ProjectCode, ProjectTitle = d.ProjectTitle, DocumentType = d.DocumentType,
        DocumentNumber = d.DocumentNumber, PersonName = d.PersonName, Role = d.Role, StartsOn = d.StartsOn,
        OriginalEndsOn = d.OriginalEndsOn, EndsOn = d.EndsOn, LeftTeamOn = d.LeftTeamOn, Version = d.Version,
    };
}

// The rules of one record, shared by the edit page, the API and the CSV import: every error is
// returned, fields are the property names of OngoingProject.
public static class OngoingProjectRules
{
    public static (OngoingProject Record, List<Error> Errors) Build(OngoingProjectInput input, OngoingProjectId id)
    {
        var errors = new List<Error>();
        var record = new OngoingProject
        {
            Id = id,
            Programme = input.Programme ?? default,
            ProjectCode = RegistryScope.Code(input.ProjectCode) ?? "",
            ProjectTitle = RegistryScope.Clean(input.ProjectTitle),
            DocumentType = input.DocumentType ?? default,
            DocumentNumber = RegistryScope.Code(input.DocumentNumber) ?? "",
            PersonName = RegistryScope.Clean(input.PersonName) ?? "",
            Role = input.Role ?? default,
            StartsOn = input.StartsOn ?? default,
            OriginalEndsOn = input.OriginalEndsOn ?? default,
            EndsOn = input.EndsOn ?? default,
            LeftTeamOn = input.LeftTeamOn,
        };
        if (!Enum.IsDefined(record.Programme)) errors.Add(Error.For("ONG-PROGRAMME-REQUIRED", nameof(OngoingProject.Programme)));
        if (record.ProjectCode.Length == 0) errors.Add(Error.For("ONG-CODE-REQUIRED", nameof(OngoingProject.ProjectCode)));
        if (!Enum.IsDefined(record.DocumentType)) errors.Add(Error.For("REG-DOCTYPE-REQUIRED", nameof(OngoingProject.DocumentType)));
        // The document number as in the people registry: a resident ID is checked for its format,
        // embedded birth date and check digit; other documents are 5 to 20 of A-Z and 0-9.
        if (record.DocumentNumber.Length == 0) errors.Add(Error.For("REG-DOCNO-REQUIRED", nameof(OngoingProject.DocumentNumber)));
        else if (record.DocumentType == IdentityDocumentType.ResidentIdCard)
        {
            if (ResidentIdNumber.Validate(record.DocumentNumber, null, nameof(OngoingProject.DocumentNumber)) is { } rid) errors.Add(rid);
        }
        else if (!(record.DocumentNumber.Length is >= 5 and <= 20 && record.DocumentNumber.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))))
            errors.Add(Error.For("REG-DOCNO-FORMAT", nameof(OngoingProject.DocumentNumber), ("min", 5), ("max", 20)));
        if (record.PersonName.Length == 0) errors.Add(Error.For("ONG-NAME-REQUIRED", nameof(OngoingProject.PersonName)));
        if (!Enum.IsDefined(record.Role)) errors.Add(Error.For("ONG-ROLE-REQUIRED", nameof(OngoingProject.Role)));
        if (input.StartsOn is null) errors.Add(Error.For("ONG-DATE-REQUIRED", nameof(OngoingProject.StartsOn)));
        if (input.OriginalEndsOn is null) errors.Add(Error.For("ONG-DATE-REQUIRED", nameof(OngoingProject.OriginalEndsOn)));
        if (input.EndsOn is null) errors.Add(Error.For("ONG-DATE-REQUIRED", nameof(OngoingProject.EndsOn)));
        if (input.StartsOn is { } s && input.OriginalEndsOn is { } o && o < s)
            errors.Add(Error.For("ONG-ORIGINAL-END-BEFORE-START", nameof(OngoingProject.OriginalEndsOn)));
        if (input.OriginalEndsOn is { } o2 && input.EndsOn is { } e && e < o2)
            errors.Add(Error.For("ONG-END-BEFORE-ORIGINAL-END", nameof(OngoingProject.EndsOn)));
        if (input.LeftTeamOn is { } left && input.StartsOn is { } s2 && input.EndsOn is { } e2 && (left < s2 || left > e2))
            errors.Add(Error.For("ONG-LEFT-OUTSIDE-PERIOD", nameof(OngoingProject.LeftTeamOn), ("from", s2.ToString("O")), ("to", e2.ToString("O"))));
        RegistryScope.MaxLength(errors, record.ProjectCode, 60, nameof(OngoingProject.ProjectCode));
        RegistryScope.MaxLength(errors, record.ProjectTitle, 300, nameof(OngoingProject.ProjectTitle));
        RegistryScope.MaxLength(errors, record.PersonName, 100, nameof(OngoingProject.PersonName));
        RegistryScope.MaxLength(errors, record.DocumentNumber, 30, nameof(OngoingProject.DocumentNumber));
        return (record, errors);
    }
}
