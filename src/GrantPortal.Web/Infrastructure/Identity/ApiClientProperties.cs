using System.Collections.Immutable;
using System.Text.Json;
using GrantPortal.Domain.Common;
using OpenIddict.Abstractions;

namespace GrantPortal.Web.Infrastructure.Identity;

// A system integration (client credentials) acts with the roles and the unit the platform admin
// granted it when registering the client; they are kept in the OpenIddict application's properties.
public static class ApiClientProperties
{
    public const string RolesKey = "gp_roles";
    public const string UnitKey = "gp_unit_id";

    public static void Set(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> roles, UnitId? unit)
    {
        descriptor.Properties[RolesKey] = JsonSerializer.SerializeToElement(roles.ToArray());
        if (unit is { } u) descriptor.Properties[UnitKey] = JsonSerializer.SerializeToElement(u.Value);
        else descriptor.Properties.Remove(UnitKey);
    }

    public static IReadOnlyList<string> Roles(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(RolesKey, out var roles) && roles.ValueKind == JsonValueKind.Array
            ? roles.EnumerateArray().Select(r => r.GetString()!).Where(Identity.Roles.All.Contains).ToList()
            : [];

    public static UnitId? Unit(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(UnitKey, out var unit) && unit.ValueKind == JsonValueKind.String && Guid.TryParse(unit.GetString(), out var id)
            ? new UnitId(id)
            : null;
}
