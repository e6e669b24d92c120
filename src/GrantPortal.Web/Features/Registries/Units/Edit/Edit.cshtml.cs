using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Registries.Units.Details;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Registries.Units.Edit;

// Create and edit a unit (platform admin: FeatureRegistration guards this folder).
public sealed class EditModel(IMediator mediator) : RegistryFormModel
{
    [BindProperty] public UnitInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    // Set when the save was refused because the unit changed meanwhile: the stored values.
    public UnitData? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await mediator.Send(new GetUnit(new UnitId(existing)), ct) is not { } unit) return NotFound();
            Input = UnitInput.From(unit);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var binding = BindingErrors(nameof(Input));
        if (binding.Count > 0)
        {
            Errors = binding;
            return Page();
        }
        var result = await mediator.Send(new SaveUnit(id is { } g ? new UnitId(g) : null, Input), ct);
        switch (result.Status)
        {
            case SaveStatus.Saved:
                return LocalRedirect($"/Registries/Units/Details/{result.Value!.Id}?status=saved");
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Forbidden:
                return Forbid();
            case SaveStatus.Conflict:
                // Keep everything the user typed; from now on the form stands on the stored
                // version, so saving again is a deliberate overwrite after seeing both.
                Current = result.Value;
                ModelState.Remove($"{nameof(Input)}.{nameof(UnitInput.Version)}");
                Input.Version = result.Value!.Version;
                break;
        }
        Errors = result.Errors;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, uint version, CancellationToken ct)
    {
        var result = await mediator.Send(new VerifyUnit(new UnitId(id), version), ct);
        return result.Status switch
        {
            SaveStatus.Saved => LocalRedirect($"/Registries/Units/Details/{id}?status=verified"),
            SaveStatus.Conflict => LocalRedirect($"/Registries/Units/Details/{id}?status=conflict"),
            SaveStatus.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }
}
