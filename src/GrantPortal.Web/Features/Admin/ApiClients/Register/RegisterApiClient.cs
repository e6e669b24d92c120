using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Features.Admin.ApiClients.Register;

public sealed record RegisterApiClient(
    string? DisplayName, string? Kind, IReadOnlyList<string> Roles, Guid? UnitId, IReadOnlyList<string> RedirectUris)
    : IRequest<RegisterApiClientResult>;

// The secret (system integrations only) is in this result and nowhere else: it is shown once.
public sealed record RegisterApiClientResult(ApiClientCreated? Created, IReadOnlyList<Error> Errors)
{
    public static RegisterApiClientResult Failed(IReadOnlyList<Error> errors) => new(null, errors);
}

public sealed record ApiClientCreated(string ClientId, string? ClientSecret, string DisplayName, string Kind);

public static class RegisterApiClientValidator
{
    public const int DisplayNameMax = 200;

    public static List<Error> Validate(RegisterApiClient c)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(c.DisplayName)) errors.Add(Error.For(ApiClientErrors.DisplayNameRequired, nameof(c.DisplayName)));
        else if (c.DisplayName.Trim().Length > DisplayNameMax) errors.Add(Error.For(ApiClientErrors.DisplayNameTooLong, nameof(c.DisplayName), ("max", DisplayNameMax)));
        if (!ApiClientKind.IsValid(c.Kind))
        {
            errors.Add(Error.For(ApiClientErrors.KindInvalid, nameof(c.Kind)));
            return errors;
        }
        if (c.Kind == ApiClientKind.System)
        {
            if (c.Roles.Count == 0) errors.Add(Error.For(ApiClientErrors.RolesRequired, nameof(c.Roles)));
            foreach (var role in c.Roles.Where(r => !Roles.All.Contains(r)))
            {
                errors.Add(Error.For(ApiClientErrors.RoleUnknown, nameof(c.Roles), ("role", role)));
            }
            // A role that acts for a unit is useless without one: its policies require the unit claim.
            if (c.UnitId is null && c.Roles.FirstOrDefault(Roles.NeedsUnit) is { } needsUnit)
            {
                errors.Add(Error.For(ApiClientErrors.UnitRequired, nameof(c.UnitId), ("role", needsUnit)));
            }
        }
        else
        {
            if (c.RedirectUris.Count == 0) errors.Add(Error.For(ApiClientErrors.RedirectUrisRequired, nameof(c.RedirectUris)));
            foreach (var uri in c.RedirectUris.Where(u => !IsRedirectUri(u)))
            {
                errors.Add(Error.For(ApiClientErrors.RedirectUriInvalid, nameof(c.RedirectUris), ("uri", uri)));
            }
        }
        return errors;
    }

    // Absolute, without a fragment (OAuth 2.0, section 3.1.2): https, http on a loopback address,
    // or a private-use scheme of a native app (com.example.app:/callback).
    private static bool IsRedirectUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Fragment)
        && !string.IsNullOrEmpty(uri.Scheme)
        && (uri.Scheme != Uri.UriSchemeHttp || uri.IsLoopback)
        && uri.Scheme != "javascript" && uri.Scheme != "data" && uri.Scheme != "file";

    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}

public sealed class RegisterApiClientHandler(IOpenIddictApplicationManager applications, AppDbContext db, ILogger<RegisterApiClientHandler> log)
    : IRequestHandler<RegisterApiClient, RegisterApiClientResult>
{
    public async ValueTask<RegisterApiClientResult> Handle(RegisterApiClient request, CancellationToken ct)
    {
        request = request with
        {
            Roles = [.. request.Roles.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)],
            RedirectUris = [.. request.RedirectUris.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal)],
        };
        var errors = RegisterApiClientValidator.Validate(request);
        UnitId? unit = request.Kind == ApiClientKind.System && request.UnitId is { } u ? new UnitId(u) : null;
        if (unit is { } id && !await db.Units.AnyAsync(x => x.Id == id, ct))
        {
            errors.Add(Error.For(ApiClientErrors.UnitNotFound, nameof(request.UnitId)));
        }
        if (errors.Count > 0) return RegisterApiClientResult.Failed(errors);

        var displayName = request.DisplayName!.Trim();
        var descriptor = new OpenIddictApplicationDescriptor { ClientId = ApiClientKind.NewClientId(), DisplayName = displayName };
        string? secret = null;
        if (request.Kind == ApiClientKind.System)
        {
            secret = ApiClientKind.NewSecret();
            descriptor.ClientType = ClientTypes.Confidential;
            descriptor.ClientSecret = secret;
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
            ApiClientProperties.Set(descriptor, request.Roles, unit);
        }
        else
        {
            descriptor.ClientType = ClientTypes.Public;
            // First-party apps registered by the platform admin: no consent screen (see AuthorizeEndpoint).
            descriptor.ConsentType = ConsentTypes.Implicit;
            descriptor.Permissions.UnionWith(
            [
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            ]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            foreach (var uri in request.RedirectUris)
            {
                // After signing out the app may return to where it receives its codes.
                descriptor.RedirectUris.Add(new Uri(uri));
                descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            }
        }
        await applications.CreateAsync(descriptor, ct);
        log.LogInformation("API client {ClientId} registered ({Kind})", descriptor.ClientId, request.Kind);
        return new RegisterApiClientResult(new ApiClientCreated(descriptor.ClientId, secret, displayName, request.Kind!), []);
    }
}

// The units a system integration may act for, for the registration form.
public sealed record ListUnitOptions : IRequest<IReadOnlyList<UnitOption>>;

public sealed record UnitOption(Guid Id, string Name, string? NameEn);

public sealed class ListUnitOptionsHandler(AppDbContext db) : IRequestHandler<ListUnitOptions, IReadOnlyList<UnitOption>>
{
    public async ValueTask<IReadOnlyList<UnitOption>> Handle(ListUnitOptions request, CancellationToken ct) =>
        (await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name, u.NameEn }).ToListAsync(ct))
            .Select(u => new UnitOption(u.Id.Value, u.Name, u.NameEn)).ToList();
}
