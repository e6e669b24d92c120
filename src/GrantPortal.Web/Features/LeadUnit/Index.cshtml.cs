using GrantPortal.Web.Features.Shared;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;

namespace GrantPortal.Web.Features.LeadUnit;

public sealed class IndexModel(AppDbContext db, ICurrentUser user, TimeProvider clock) : RoleHomeModel(db, user, clock);
