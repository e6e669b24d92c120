using System.Security.Claims;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;

namespace GrantPortal.Web.Infrastructure.Authorization;

// Who is acting: read from the cookie of a page or the bearer token of an API call alike.
public interface ICurrentUser
{
    ClaimsPrincipal Principal { get; }
    Guid? UserId { get; }
    string Name { get; }
    UnitId? UnitId { get; }
    bool IsInRole(string role);
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public Guid? UserId =>
        Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? Principal.FindFirstValue("sub"), out var id) ? id : null;

    public string Name =>
        Principal.FindFirstValue(ClaimTypes.Name) ?? Principal.FindFirstValue("name") ?? Principal.FindFirstValue("sub") ?? "anonymous";

    public UnitId? UnitId => Principal.UnitId();

    public bool IsInRole(string role) => Principal.IsInRole(role) || Principal.HasClaim("role", role);
}

public static class PrincipalExtensions
{
    public static UnitId? UnitId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(AppClaims.UnitId), out var unit) ? new UnitId(unit) : null;
}
