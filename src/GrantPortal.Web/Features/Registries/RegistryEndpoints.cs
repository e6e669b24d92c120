namespace GrantPortal.Web.Features.Registries;

// /api/v1/units and /api/v1/people: the same queries and commands as the registry pages.
public static class RegistryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Registries: units");
        Units.List.ListUnitsEndpoint.Map(units);
        Units.Details.GetUnitEndpoint.Map(units);
        Units.Edit.SaveUnitEndpoint.Map(units);
        Units.Members.MembersEndpoint.Map(units);

        var people = api.MapGroup("/people").WithTags("Registries: people");
        People.List.ListPeopleEndpoint.Map(people);
        People.Details.GetPersonEndpoint.Map(people);
        People.Edit.SavePersonEndpoint.Map(people);
        People.Sanctions.SanctionEndpoints.Map(people);
    }
}
