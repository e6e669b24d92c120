using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Registries.People.Details;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Registries.People.Sanctions;

// Record, correct, lift (last day) or delete a sanction of a person (platform admin; the folder
// convention and the handler both require it). A refused save re-shows everything typed; a
// conflict shows the stored values next to the user's.
public sealed class EditModel(IMediator mediator) : RegistryFormModel
{
    [BindProperty] public SanctionInput Input { get; set; } = new();

    public Guid PersonId { get; private set; }
    public Guid? Id { get; private set; }
    public PersonData Person { get; private set; } = null!;
    public SanctionData? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid personId, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(personId, id, ct)) return NotFound();
        if (id is { } sid)
        {
            var list = await mediator.Send(new ListSanctions(new PersonId(personId)), ct);
            if (list?.FirstOrDefault(s => s.Id == sid) is not { } found) return NotFound();
            Input = SanctionInput.From(found);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(personId, id, ct)) return NotFound();
        var binding = BindingErrors(nameof(Input));
        if (binding.Count > 0)
        {
            Errors = binding;
            return Page();
        }
        var result = await mediator.Send(new SaveSanction(new PersonId(personId), id is { } g ? new SanctionId(g) : null, Input), ct);
        return Outcome(result, personId, "saved");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid personId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(personId, id, ct)) return NotFound();
        var result = await mediator.Send(new DeleteSanction(new PersonId(personId), new SanctionId(id), Input.Version), ct);
        return Outcome(result, personId, "deleted");
    }

    private IActionResult Outcome(SaveResult<SanctionData> result, Guid personId, string status)
    {
        switch (result.Status)
        {
            case SaveStatus.Saved:
                return LocalRedirect($"/Registries/People/Details/{personId}?status=sanction-{status}#sanctions");
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Forbidden:
                return Forbid();
            case SaveStatus.Conflict:
                Current = result.Value;
                ModelState.Remove($"{nameof(Input)}.{nameof(SanctionInput.Version)}");
                Input.Version = result.Value!.Version;
                break;
        }
        Errors = result.Errors;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid personId, Guid? id, CancellationToken ct)
    {
        PersonId = personId;
        Id = id;
        if (await mediator.Send(new GetPerson(new PersonId(personId)), ct) is not { } person) return false;
        Person = person;
        return true;
    }
}
