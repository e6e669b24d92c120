using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Web.Features.Admin.Users;

public sealed record UserFormFields(string? DisplayName, IReadOnlyList<string> Roles, Guid? UnitId, IReadOnlyList<Unit> Units, IReadOnlyList<Error> Errors);
