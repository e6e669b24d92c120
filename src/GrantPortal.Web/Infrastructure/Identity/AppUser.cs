using GrantPortal.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Infrastructure.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    // The unit the user acts for: the lead unit of an applicant or lead-unit administrator,
    // the recommending unit of its officer, the Exchange Center for its staff.
    public UnitId? UnitId { get; set; }
    public PersonId? PersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name) : this() => Name = name;
}
