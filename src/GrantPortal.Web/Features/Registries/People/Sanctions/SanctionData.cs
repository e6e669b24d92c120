using System.Text.Json.Serialization;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Eligibility.Check;

namespace GrantPortal.Web.Features.Registries.People.Sanctions;

// A sanction or blacklist entry of a person as the platform admin reads it (pages and API); only
// the platform admin ever sees one (UNIT-INTEGRITY findings name the person, nothing more).
public sealed record SanctionData(
    Guid Id,
    Guid PersonId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SanctionKind>))] SanctionKind Kind,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string Reference,
    string? Note,
    bool ActiveToday,
    uint Version)
{
    public static SanctionData From(PersonSanction s, DateOnly today) =>
        new(s.Id.Value, s.PersonId.Value, s.Kind, s.StartsOn, s.EndsOn, s.Reference, s.Note, s.IsActiveOn(today), s.Version);
}

// The edit form and the API body: the version the edit is based on (0 for a new entry).
public sealed class SanctionInput
{
    [JsonConverter(typeof(JsonStringEnumConverter<SanctionKind>))]
    public SanctionKind? Kind { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Reference { get; set; }
    public string? Note { get; set; }
    public uint Version { get; set; }

    public static SanctionInput From(SanctionData s) =>
        new() { Kind = s.Kind, StartsOn = s.StartsOn, EndsOn = s.EndsOn, Reference = s.Reference, Note = s.Note, Version = s.Version };
}

public static class SanctionRecords
{
    public const int MaxReference = 100;
    public const int MaxNote = 500;

    // A copy handed to the eligibility rules as a sanction of the given team member.
    public static PersonSanction For(PersonSanction s, PersonId teamMember) =>
        new() { Id = s.Id, PersonId = teamMember, Kind = s.Kind, StartsOn = s.StartsOn, EndsOn = s.EndsOn, Reference = s.Reference };

    // A sanction given inline in a check document; a last day before the first is refused.
    public static PersonSanction For(CheckSanction s, PersonId person, string field, List<Error> errors)
    {
        if (s.EndsOn is { } end && end < s.StartsOn) errors.Add(Error.For("SANCTION-ENDS-BEFORE-START", field + ".endsOn"));
        return new() { PersonId = person, Kind = s.Kind, StartsOn = s.StartsOn, EndsOn = s.EndsOn, Reference = s.Reference ?? "" };
    }

    public static List<Error> Validate(SanctionInput input)
    {
        var errors = new List<Error>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(Error.For("SANCTION-FIELD-REQUIRED", nameof(input.Kind)));
        if (input.StartsOn is null) errors.Add(Error.For("SANCTION-FIELD-REQUIRED", nameof(input.StartsOn)));
        if (input.StartsOn is { } start && input.EndsOn is { } end && end < start) errors.Add(Error.For("SANCTION-ENDS-BEFORE-START", nameof(input.EndsOn)));
        if (RegistryScope.Clean(input.Reference) is not { } reference) errors.Add(Error.For("SANCTION-FIELD-REQUIRED", nameof(input.Reference)));
        else RegistryScope.MaxLength(errors, reference, MaxReference, nameof(input.Reference));
        RegistryScope.MaxLength(errors, RegistryScope.Clean(input.Note), MaxNote, nameof(input.Note));
        return errors;
    }
}
