using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Features.Eligibility.PreCheck;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.PreProposals.Edit;

// The draft's edit page (Applicant policy; the handler checks ProposalAccess). The form saves
// itself through OnPostSave (JSON, wwwroot/js/autosave.js); the plain form post is the same save
// for a browser without scripts.
public sealed class EditModel(IMediator mediator, AppDbContext db, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty] public DraftInput Input { get; set; } = new();
    [BindProperty] public uint Version { get; set; }

    public DraftView View { get; private set; } = null!;
    public IReadOnlyList<Error> Errors { get; private set; } = [];
    // Set when a plain form post met a newer stored version: the differing fields.
    public IReadOnlyList<DiffRow>? Conflict { get; private set; }
    public IReadOnlyDictionary<Guid, PickedRecord> Names { get; private set; } = new Dictionary<Guid, PickedRecord>();
    public bool Saved { get; private set; }
    // The live pre-check of the saved draft (Features/Eligibility/PreCheck).
    public DraftFindings.Panel? Findings { get; private set; }

    public sealed record SaveBody(uint Version, DraftInput? Content);

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        if (await mediator.Send(new GetDraft(new ProposalId(id)), ct) is not { } view) return NotFound();
        View = view;
        Input = view.Content;
        Version = view.Version;
        Names = view.Picked;
        Saved = saved;
        if (view.CanEdit) Findings = await FindingsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new SaveDraft(new ProposalId(id), Version, Input), ct);
        if (result.Status == SaveDraftStatus.NotFound) return NotFound();
        if (result.Status == SaveDraftStatus.Saved) return LocalRedirect($"/PreProposals/Edit/{id}?saved=true");
        if (await mediator.Send(new GetDraft(new ProposalId(id)), ct) is not { } view) return NotFound();
        View = view;
        Errors = result.Errors;
        Names = await NamesAsync(view, Input, ct);
        if (result.Status == SaveDraftStatus.Conflict)
        {
            // Keep everything typed; the form now stands on the stored version, so saving again
            // is a deliberate choice made after seeing both.
            Conflict = DraftDiff.Compare(Input, result.Current!, Names, l);
            ModelState.Remove(nameof(Version));
            Version = result.Current!.Version;
        }
        return Page();
    }

    // Autosave: the whole content and the version it was based on; answers JSON.
    public async Task<IActionResult> OnPostSaveAsync(Guid id, [FromBody] SaveBody? body, CancellationToken ct)
    {
        if (body?.Content is null)
            return new JsonResult(new { errors = new[] { Problem(Error.For("DRAFT-BODY-INVALID")) } }) { StatusCode = StatusCodes.Status400BadRequest };
        var result = await mediator.Send(new SaveDraft(new ProposalId(id), body.Version, body.Content), ct);
        switch (result.Status)
        {
            case SaveDraftStatus.Saved:
                return new JsonResult(new
                {
                    version = result.Version,
                    narrativeCount = result.NarrativeCount,
                    savedAt = result.SavedAt,
                    savedAtText = Display.Instant(result.SavedAt!.Value),
                    findings = await FindingsAsync(id, ct),
                });
            case SaveDraftStatus.Conflict:
                var current = result.Current!;
                var names = await NamesAsync(current, body.Content, ct);
                return new JsonResult(new
                {
                    version = current.Version,
                    narrativeCount = current.NarrativeCount,
                    updatedAtText = Display.Instant(current.UpdatedAt),
                    differences = DraftDiff.Compare(body.Content, current, names, l),
                    errors = result.Errors.Select(Problem),
                }) { StatusCode = StatusCodes.Status409Conflict };
            case SaveDraftStatus.NotEditable:
                return new JsonResult(new { errors = result.Errors.Select(Problem) }) { StatusCode = StatusCodes.Status403Forbidden };
            case SaveDraftStatus.NotFound:
                return new JsonResult(new { errors = result.Errors.Select(Problem) }) { StatusCode = StatusCodes.Status404NotFound };
            default:
                return new JsonResult(new { errors = result.Errors.Select(Problem) }) { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    // GET ?handler=Findings: the pre-check of the saved draft as JSON (404 when not visible).
    public async Task<IActionResult> OnGetFindingsAsync(Guid id, CancellationToken ct) =>
        await FindingsAsync(id, ct) is { } panel ? new JsonResult(panel) : NotFound();

    private async Task<DraftFindings.Panel?> FindingsAsync(Guid id, CancellationToken ct) =>
        await mediator.Send(new GetEligibility(new ProposalId(id)), ct) is { } report ? DraftFindings.Build(report, l) : null;

    public IReadOnlyList<Error> ErrorsFor(string field) =>
        Errors.Where(e => e.Field == field || (e.Field?.StartsWith(field + "[", StringComparison.Ordinal) ?? false)).ToList();

    public Registries.FieldErrors For(string field) => new(field, ErrorsFor(field));

    public string Invalid(string field) => ErrorsFor(field).Count > 0 ? " is-invalid" : "";

    public string? DescribedBy(string field) => ErrorsFor(field).Count > 0 ? DraftFields.ErrorId(field) : null;

    private object Problem(Error e) => new { code = e.Code, field = e.Field, message = l.Error(e), args = e.Args ?? new Dictionary<string, string>() };

    private async Task<IReadOnlyDictionary<Guid, PickedRecord>> NamesAsync(DraftView stored, DraftInput yours, CancellationToken ct)
    {
        var extra = await DraftViews.PickedAsync(db, yours.Units,
            [.. yours.KeyMembers, .. yours.ForeignMembers, .. new[] { yours.PiPersonId, yours.ForeignLead }.OfType<Guid>()], ct);
        var all = new Dictionary<Guid, PickedRecord>(stored.Picked);
        foreach (var (k, v) in extra) all[k] = v;
        return all;
    }
}
