using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.Accounts;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Admin.Users;

// The platform admin creates a lead-unit administrator, recommending-unit officer, Exchange Center
// staff member, expert, applicant or admin, attached to a unit that fits the role. The account has
// no password: the "account created" mail carries a link to set it (a password-reset token), and
// the address counts as confirmed since the admin entered it.
public sealed record CreateUser(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, Guid? UnitId) : IRequest<AccountResult<Guid>>;

public sealed class CreateUserValidator(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<List<Error>> ValidateAsync(CreateUser request, CancellationToken ct)
    {
        var errors = new List<Error>();
        await AccountChecks.EmailAsync(request.Email, users, errors);
        AccountChecks.DisplayName(request.DisplayName, errors);
        await UserRules.CheckRolesAndUnitAsync(request.Roles, request.UnitId, db, errors, ct);
        return errors;
    }
}

public sealed partial class CreateUserHandler(
    AppDbContext db, UserManager<AppUser> users, AccountMails mails, TimeProvider clock, ILogger<CreateUserHandler> log)
    : IRequestHandler<CreateUser, AccountResult<Guid>>
{
    public async ValueTask<AccountResult<Guid>> Handle(CreateUser request, CancellationToken ct)
    {
        var errors = await new CreateUserValidator(db, users).ValidateAsync(request, ct);
        if (errors.Count > 0) return AccountResult<Guid>.Invalid(errors);
        var email = request.Email!.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName!.Trim(),
            UnitId = request.UnitId is { } unit ? new UnitId(unit) : null,
            CreatedAt = clock.GetUtcNow(),
        };

        // User, roles and mail commit together (UserManager saves on each call).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return AccountResult<Guid>.Invalid([.. AccountChecks.FromIdentity(created.Errors, users.Options, null)]);
        var roles = await users.AddToRolesAsync(user, request.Roles!.Distinct());
        if (!roles.Succeeded) throw new InvalidOperationException("Adding roles failed: " + string.Join(", ", roles.Errors.Select(e => e.Code)));
        await mails.EnqueueAccountCreatedAsync(user);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogCreated(user.Id);
        return AccountResult<Guid>.Ok(user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created by the platform admin; mail queued")]
    private partial void LogCreated(Guid userId);
}
