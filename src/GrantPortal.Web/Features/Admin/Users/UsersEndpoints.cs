using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Accounts;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.Admin.Users;

// /api/v1/users: the platform admin's user list, one user, and creating a user; the same commands
// as the /Admin/Users pages.
public static class UsersEndpoints
{
    public sealed record CreateUserBody(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, Guid? UnitId);

    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.PlatformAdmin).WithTags("Users");

        users.MapGet("", async (IMediator mediator, string? search, string? role, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListUsers(search, role, page ?? 1, pageSize ?? ListUsers.DefaultPageSize), ct)))
            .WithName("ListUsers").WithSummary("Users, searched by e-mail or name, filtered by role, one page at a time");

        users.MapGet("/{id:guid}", async (IMediator mediator, Guid id, CancellationToken ct) =>
                await mediator.Send(new GetUser(id), ct) is { } user ? Results.Ok(user) : Results.NotFound())
            .WithName("GetUser").WithSummary("One user");

        users.MapPost("", async (IMediator mediator, IStringLocalizer<Messages> l, CreateUserBody body, CancellationToken ct) =>
            {
                var result = await mediator.Send(new CreateUser(body.Email, body.DisplayName, body.Roles, body.UnitId), ct);
                if (!result.Succeeded) return Problem(l, StatusCodes.Status400BadRequest, result.Errors);
                var created = await mediator.Send(new GetUser(result.Value), ct);
                return Results.Created($"/api/v1/users/{result.Value}", created);
            })
            .WithName("CreateUser").WithSummary("Creates a user attached to a unit that fits its roles; the user gets a mail to set a password");
    }

    // RFC 7807 with the codes: {code, field, message, args}, the message in the request culture.
    public static IResult Problem(IStringLocalizer l, int status, IReadOnlyList<Error> errors) =>
        Infrastructure.Web.ApiProblem.Create(l, status, "AdminUsers.ProblemTitle", errors);
}
