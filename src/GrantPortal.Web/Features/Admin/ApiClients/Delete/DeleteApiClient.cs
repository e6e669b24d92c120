using GrantPortal.Domain.Common;
using Mediator;
using OpenIddict.Abstractions;

namespace GrantPortal.Web.Features.Admin.ApiClients.Delete;

// Deletes the client with its authorizations and stored tokens: its refresh tokens stop working.
public sealed record DeleteApiClient(string ClientId) : IRequest<Error?>;

public sealed class DeleteApiClientHandler(IOpenIddictApplicationManager applications, ILogger<DeleteApiClientHandler> log) : IRequestHandler<DeleteApiClient, Error?>
{
    public async ValueTask<Error?> Handle(DeleteApiClient request, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId, ct);
        if (application is null) return Error.For(ApiClientErrors.NotFound);
        await applications.DeleteAsync(application, ct);
        log.LogInformation("API client {ClientId} deleted", request.ClientId);
        return null;
    }
}
