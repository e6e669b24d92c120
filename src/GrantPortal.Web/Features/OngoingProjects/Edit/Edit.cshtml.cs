using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.OngoingProjects.Details;
using GrantPortal.Web.Features.Registries;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.OngoingProjects.Edit;

// Create, correct or delete one record (Exchange Center staff: FeatureRegistration guards the
// folder). A stale save shows the stored values next to the user's and keeps the user's input.
public sealed class EditModel(IMediator mediator) : RegistryFormModel
{
    [BindProperty] public OngoingProjectInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public OngoingProjectData? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await mediator.Send(new GetOngoingProject(new OngoingProjectId(existing)), ct) is not { } record) return NotFound();
            Input = OngoingProjectInput.From(record);
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
        var result = await mediator.Send(new SaveOngoingProject(id is { } g ? new OngoingProjectId(g) : null, Input), ct);
        return Outcome(result, saved => LocalRedirect($"/OngoingProjects/Details/{saved.Id}?status=saved"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var result = await mediator.Send(new DeleteOngoingProject(new OngoingProjectId(id), Input.Version), ct);
        return Outcome(result, _ => LocalRedirect("/OngoingProjects?status=deleted"));
    }

    private IActionResult Outcome(SaveResult<OngoingProjectData> result, Func<OngoingProjectData, IActionResult> saved)
    {
        switch (result.Status)
        {
            case SaveStatus.Saved:
                return saved(result.Value!);
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Forbidden:
                return Forbid();
            case SaveStatus.Conflict:
                Current = result.Value;
                ModelState.Remove($"{nameof(Input)}.{nameof(OngoingProjectInput.Version)}");
                Input.Version = result.Value!.Version;
                break;
        }
        Errors = result.Errors;
        return Page();
    }
}
