using System.Globalization;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrantPortal.Web.Features.Admin.Audit;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // "page" is a route value of Razor Pages; the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage? Result { get; private set; }
    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var field in new[] { nameof(From), nameof(To) })
        {
            if (ModelState[field] is { Errors.Count: > 0 }) Errors = [.. Errors, Error.For("AUDIT-DATE-INVALID", field)];
        }
        if (Errors.Count > 0) return;
        var result = await mediator.Send(new BrowseAudit(EntityType, EntityId, UserName, From, To, PageNumber), ct);
        Result = result.Page;
        Errors = result.Errors;
    }

    public IEnumerable<Error> ErrorsFor(string field) => Errors.Where(e => e.Field == field);

    public string PageUrl(int page) =>
        Url.Page("/Admin/Audit/Index", new
        {
            entityType = EntityType, entityId = EntityId, userName = UserName,
            from = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            p = page,
        })!;

    // The interceptor stores instants as ISO 8601 in UTC; they are shown in Beijing time like every instant.
    public static string Value(string? value) =>
        value is not null && value.Length >= 20 && value[4] == '-' && value[10] == 'T'
            && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? Display.Instant(instant)
            : value ?? "";
}
