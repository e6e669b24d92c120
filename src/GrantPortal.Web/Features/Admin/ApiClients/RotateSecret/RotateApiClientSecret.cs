using GrantPortal.Domain.Common;
using Mediator;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Features.Admin.ApiClients.RotateSecret;

// Replaces a system integration's secret at once: the old secret stops working, tokens already
// issued run out at their expiry. The new secret is in the result only: it is shown once.
public sealed record RotateApiClientSecret(string ClientId) : IRequest<RotateApiClientSecretResult>;

public sealed record RotateApiClientSecretResult(string? ClientId, string? ClientSecret, Error? Error);

public sealed class RotateApiClientSecretHandler(IOpenIddictApplicationManager applications, ILogger<RotateApiClientSecretHandler> log)
    : IRequestHandler<RotateApiClientSecret, RotateApiClientSecretResult>
{
    public async ValueTask<RotateApiClientSecretResult> Handle(RotateApiClientSecret request, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId, ct);
        if (application is null) return new(null, null, Error.For(ApiClientErrors.NotFound));
        if (await applications.GetClientTypeAsync(application, ct) != ClientTypes.Confidential)
        {
            return new(request.ClientId, null, Error.For(ApiClientErrors.NoSecret));
        }
        var secret = ApiClientKind.NewSecret();
        await applications.UpdateAsync(application, secret, ct);
        log.LogInformation("API client {ClientId}: secret rotated", request.ClientId);
        return new(request.ClientId, secret, null);
    }
}
