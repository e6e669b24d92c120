using GrantPortal.Web.Infrastructure.Authorization;

namespace GrantPortal.Web.Features.Admin.ApiClients;

// /api/v1/api-clients: the same commands as the /Admin/ApiClients pages, for the platform admin.
public static class ApiClientsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-clients").RequireAuthorization(Policies.PlatformAdmin).WithTags("API clients");
        List.ListApiClientsEndpoint.Map(group);
        Register.RegisterApiClientEndpoint.Map(group);
        RotateSecret.RotateApiClientSecretEndpoint.Map(group);
        Delete.DeleteApiClientEndpoint.Map(group);
    }
}
