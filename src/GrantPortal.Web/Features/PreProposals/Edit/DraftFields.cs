using GrantPortal.Domain.Common;

namespace GrantPortal.Web.Features.PreProposals.Edit;

public enum PickerKind
{
    Unit,
    Person,
}

// One picker of the edit page: a list of records picked from a registry (units or people), a
// search box, and "not in the registry?" to propose a record. Foreign: null for people (any), else
// which units it searches.
public sealed record PickerModel(string Field, PickerKind Kind, bool Multiple, bool? Foreign, IReadOnlyList<PickedRecord> Picked, IReadOnlyList<Error> Errors, string? Id = null)
{
    public string Key => Id ?? Field;
}

public static class DraftFields
{
    // The element an error of a field links to from the summary.
    public static string Anchor(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "draft-form";
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (field.StartsWith("IndicatorAnswers[", StringComparison.Ordinal)) return "Input_IndicatorAnswers_" + field[(bracket + 1)..^1];
        var name = bracket < 0 ? field : field[..bracket];
        return name switch
        {
            nameof(DraftInput.Units) or nameof(DraftInput.KeyMembers) or nameof(DraftInput.ForeignMembers) or nameof(DraftInput.ForeignLead) or nameof(DraftInput.PiPersonId)
                => "picker-" + (name == nameof(DraftInput.Units) ? "DomesticUnits" : name) + "-search",
            _ => "Input_" + name,
        };
    }

    public static string ErrorId(string field) => field.Replace("[", "_", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal) + "-error";

    public static bool IsDomesticUnit(Error e, DraftInput input, IReadOnlyDictionary<Guid, PickedRecord> names)
    {
        if (e.Field is not { } f || !f.StartsWith("Units[", StringComparison.Ordinal)) return true;
        return !int.TryParse(f.AsSpan(6, f.Length - 7), out var i) || i >= input.Units.Count
            || !names.TryGetValue(input.Units[i], out var r) || !r.IsForeign;
    }
}
