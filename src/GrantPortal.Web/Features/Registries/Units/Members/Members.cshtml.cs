using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.OngoingProjects.Import;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace GrantPortal.Web.Features.Registries.Units.Members;

// The member list of an association or alliance: add, remove, import (platform admin; the folder
// convention guards it).
public sealed class MembersModel(IMediator mediator) : RegistryFormModel
{
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MemberInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public ImportEncoding Encoding { get; set; } = ImportEncoding.Auto;
    [BindProperty] public bool GoodLinesOnly { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public MemberList List { get; private set; } = null!;
    public MemberImportReport? Report { get; private set; }
    public IReadOnlyList<Error> ImportErrors { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var binding = BindingErrors(nameof(Input));
        if (binding.Count > 0)
        {
            Errors = binding;
            return await ShowAsync(ct);
        }
        var result = await mediator.Send(new AddMember(new UnitId(Id), Input), ct);
        if (result.Status == SaveStatus.Saved) return LocalRedirect($"/Registries/Units/Members/{Id}?status=added");
        if (result.Status == SaveStatus.NotFound) return NotFound();
        Errors = result.Errors;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId, uint version, CancellationToken ct)
    {
        var result = await mediator.Send(new RemoveMember(new UnitId(Id), membershipId, version), ct);
        return result.Status switch
        {
            SaveStatus.Saved => LocalRedirect($"/Registries/Units/Members/{Id}?status=removed"),
            SaveStatus.Conflict => LocalRedirect($"/Registries/Units/Members/{Id}?status=conflict"),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ImportErrors = [Error.For("Membership.FileRequired", nameof(Upload))];
            return await ShowAsync(ct);
        }
        if (Upload.Length > MaxUploadBytes)
        {
            ImportErrors = [Error.For("Membership.FileTooLarge", nameof(Upload), ("max", MaxUploadBytes / 1024 / 1024))];
            return await ShowAsync(ct);
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var result = await mediator.Send(new ImportMembers(new UnitId(Id), buffer, Encoding, GoodLinesOnly), ct);
        if (result.Status == SaveStatus.NotFound) return NotFound();
        Report = result.Report;
        ImportErrors = result.Errors;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await mediator.Send(new ListMembers(new UnitId(Id)), ct) is not { } list) return NotFound();
        List = list;
        return Page();
    }
}
