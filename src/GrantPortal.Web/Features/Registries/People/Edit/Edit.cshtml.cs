using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Registries.People.Details;
using GrantPortal.Web.Features.Registries.Units;
using GrantPortal.Web.Features.Registries.Units.Details;
using GrantPortal.Web.Features.Registries.Units.List;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Registries.People.Edit;

// Create and edit a person (platform admin: FeatureRegistration guards this folder). The unit is
// picked from a search of the units registry (server-side, so it works without script).
public sealed class EditModel(IMediator mediator) : RegistryFormModel
{
    private const int UnitChoices = 10;

    [BindProperty] public PersonInput Input { get; set; } = new();
    [BindProperty] public string? UnitSearch { get; set; }
    public Guid? Id { get; private set; }
    public PersonData? Current { get; private set; }
    public UnitData? SelectedUnit { get; private set; }
    public IReadOnlyList<UnitData> UnitOptions { get; private set; } = [];
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await mediator.Send(new GetPerson(new PersonId(existing)), ct) is not { } person) return NotFound();
            Input = PersonInput.From(person);
        }
        await LoadUnitsAsync(ct);
        return Page();
    }

    // The unit search button: show matching units to pick from, keep everything typed so far.
    public async Task<IActionResult> OnPostFindUnitsAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Searched = true;
        await LoadUnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var binding = BindingErrors(nameof(Input));
        if (binding.Count > 0)
        {
            Errors = binding;
            await LoadUnitsAsync(ct);
            return Page();
        }
        var result = await mediator.Send(new SavePerson(id is { } g ? new PersonId(g) : null, Input), ct);
        switch (result.Status)
        {
            case SaveStatus.Saved:
                return LocalRedirect($"/Registries/People/Details/{result.Value!.Id}?status=saved");
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Forbidden:
                return Forbid();
            case SaveStatus.Conflict:
                // Keep the user's input; the form now stands on the stored version (see Units/Edit).
                Current = result.Value;
                ModelState.Remove($"{nameof(Input)}.{nameof(PersonInput.Version)}");
                Input.Version = result.Value!.Version;
                break;
        }
        Errors = result.Errors;
        await LoadUnitsAsync(ct);
        return Page();
    }

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        SelectedUnit = Input.UnitId is { } unit ? await mediator.Send(new GetUnit(new UnitId(unit)), ct) : null;
        if (RegistryScope.Clean(UnitSearch) is { } term)
        {
            var found = await mediator.Send(new ListUnits(term, null, null, null, 1, UnitChoices), ct);
            UnitOptions = found.Items.Where(u => u.Id != SelectedUnit?.Id).ToList();
        }
    }
}
