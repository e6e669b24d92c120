using Mediator;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GrantPortal.Web.Features.Admin.ApiClients;

// For the confirmation page: the client's name, or null when there is no such client.
public sealed record FindApiClient(string ClientId) : IRequest<FoundApiClient?>;

public sealed record FoundApiClient(string ClientId, string DisplayName, bool IsConfidential);

public sealed class FindApiClientHandler(IOpenIddictApplicationManager applications) : IRequestHandler<FindApiClient, FoundApiClient?>
{
    public async ValueTask<FoundApiClient?> Handle(FindApiClient request, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId, ct);
        if (application is null) return null;
        return new FoundApiClient(
            request.ClientId,
            await applications.GetDisplayNameAsync(application, ct) ?? request.ClientId,
            await applications.GetClientTypeAsync(application, ct) == ClientTypes.Confidential);
    }
}
