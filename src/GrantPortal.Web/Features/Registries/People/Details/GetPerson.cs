using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Registries.People.Details;

// One person, or null when absent or not of the user's unit (both answer 404).
public sealed record GetPerson(PersonId Id) : IRequest<PersonData?>;

public sealed class GetPersonHandler(AppDbContext db, ICurrentUser user) : IRequestHandler<GetPerson, PersonData?>
{
    public async ValueTask<PersonData?> Handle(GetPerson request, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Visible(user).SingleOrDefaultAsync(p => p.Id == request.Id, ct);
        if (person is null) return null;
        var unit = person.UnitId is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) : null;
        return PersonData.From(person, unit, mask: !RegistryScope.IsAdmin(user));
    }
}
