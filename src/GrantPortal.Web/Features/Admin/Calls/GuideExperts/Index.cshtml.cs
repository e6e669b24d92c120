using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Registries;
using GrantPortal.Web.Features.Registries.People;
using GrantPortal.Web.Features.Registries.People.List;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.Calls.GuideExperts;

// The call's GUIDE-EXPERT-BAR list (platform admin, /Admin folder): search the people registry by
// name or document number, add with a role, remove, or paste document numbers (a CSV's first
// column). A refused action re-shows what was typed with its errors.
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int SearchSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public GuideExpertRole? Role { get; set; }
    [BindProperty] public string? Numbers { get; set; }

    public GuideExpertList List { get; private set; } = null!;
    public IReadOnlyList<PersonData> Found { get; private set; } = [];
    public IReadOnlyList<Error> Errors { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Added { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct) =>
        await LoadAsync(callId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid callId, Guid personId, GuideExpertRole? addRole, CancellationToken ct)
    {
        var result = await mediator.Send(new AddGuideExpert(new CallId(callId), new GuideExpertInput { PersonId = personId, Role = addRole }), ct);
        return await OutcomeAsync(callId, result, "added", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid callId, Guid personId, CancellationToken ct)
    {
        var result = await mediator.Send(new RemoveGuideExpert(new CallId(callId), new PersonId(personId)), ct);
        return await OutcomeAsync(callId, result, "removed", ct);
    }

    public async Task<IActionResult> OnPostImportAsync(Guid callId, CancellationToken ct)
    {
        var result = await mediator.Send(new ImportGuideExperts(new CallId(callId), Numbers, Role), ct);
        return await OutcomeAsync(callId, result, "imported", ct);
    }

    public IEnumerable<Error> ErrorsFor(string field) => Errors.Where(e => e.Field == field);

    private async Task<IActionResult> OutcomeAsync(Guid callId, GuideExpertResult result, string status, CancellationToken ct)
    {
        if (result.Status == GuideExpertStatus.NotFound) return NotFound();
        if (result.Status == GuideExpertStatus.Done)
            return LocalRedirect($"/Admin/Calls/GuideExperts/{callId}?status={status}&added={result.Added}" + (string.IsNullOrEmpty(Q) ? "" : "&q=" + Uri.EscapeDataString(Q)));
        Errors = result.Errors;
        return await LoadAsync(callId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid callId, CancellationToken ct)
    {
        if (await mediator.Send(new ListGuideExperts(new CallId(callId)), ct) is not { } list) return false;
        List = list;
        if (RegistryScope.Clean(Q) is { } term)
            Found = (await mediator.Send(new ListPeople(term, null, null, 1, SearchSize), ct)).Items;
        return true;
    }
}
