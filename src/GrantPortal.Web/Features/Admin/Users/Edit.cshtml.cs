using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.Accounts;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Unit = GrantPortal.Domain.Registries.Unit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.Users;

public sealed class EditModel(IMediator mediator, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty] public string? ConcurrencyStamp { get; set; }
    [BindProperty(SupportsGet = true)] public bool Created { get; set; }

    public UserDetails Account { get; private set; } = null!;
    // On a conflict: the values stored now, shown next to what the admin typed.
    public UserDetails? Stored { get; private set; }
    public bool Saved { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public UserFormFields Fields => new(DisplayName, Roles, UnitId, Units, Errors);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await mediator.Send(new GetUser(Id), ct) is not { } user) return NotFound();
        Take(user);
        return await ShowAsync(user, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new EditUser(Id, DisplayName, Roles, UnitId, ConcurrencyStamp), ct);
        switch (result.Outcome)
        {
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Ok:
                Take(result.Value!);
                Saved = true;
                return await ShowAsync(result.Value!, ct);
            case Outcome.Conflict when result.Value is null:
                return NotFound();
            case Outcome.Conflict:
                Stored = result.Value;
                // The admin's input stays; the new stamp lets a second save overwrite on purpose.
                ConcurrencyStamp = result.Value.ConcurrencyStamp;
                Errors = result.Errors;
                return await ShowAsync(result.Value, ct);
            default:
                if (await mediator.Send(new GetUser(Id), ct) is not { } current) return NotFound();
                Errors = result.Errors;
                return await ShowAsync(current, ct);
        }
    }

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) => LockAsync(true, ct);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) => LockAsync(false, ct);

    private async Task<IActionResult> LockAsync(bool locked, CancellationToken ct)
    {
        var result = await mediator.Send(new SetUserLock(Id, locked), ct);
        if (result.Outcome == Outcome.NotFound) return NotFound();
        if (result.Succeeded) return Redirect("/Admin/Users/Edit?id=" + Id);
        var user = await mediator.Send(new GetUser(Id), ct);
        if (user is null) return NotFound();
        Take(user);
        Errors = result.Errors;
        return await ShowAsync(user, ct);
    }

    private void Take(UserDetails user)
    {
        DisplayName = user.DisplayName;
        Roles = [.. user.Roles];
        UnitId = user.UnitId;
        ConcurrencyStamp = user.ConcurrencyStamp;
    }

    private async Task<IActionResult> ShowAsync(UserDetails user, CancellationToken ct)
    {
        Account = user;
        Now = clock.GetUtcNow();
        Units = await UserRules.UnitOptionsAsync(db, ct);
        return Page();
    }
}
