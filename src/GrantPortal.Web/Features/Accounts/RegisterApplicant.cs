using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.Accounts;

// An applicant registers itself for its lead-capable unit; the account stays unusable until the
// e-mail address is confirmed with the link of the confirmation mail.
public sealed record RegisterApplicant(string? DisplayName, string? Email, string? Password, string? ConfirmPassword, Guid? UnitId)
    : IRequest<AccountResult<Guid>>;

public sealed class RegisterApplicantValidator(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<List<Error>> ValidateAsync(RegisterApplicant request, AppUser user, CancellationToken ct)
    {
        var errors = new List<Error>();
        AccountChecks.DisplayName(request.DisplayName, errors);
        await AccountChecks.EmailAsync(request.Email, users, errors);
        await AccountChecks.PasswordAsync(request.Password, request.ConfirmPassword, user, users, errors);
        if (request.UnitId is not { } id)
        {
            errors.Add(new Error("Account.UnitRequired", "UnitId"));
        }
        else
        {
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == new UnitId(id), ct);
            if (unit is null || !AccountChecks.IsLeadCapable(unit)) errors.Add(new Error("Account.UnitNotEligible", "UnitId"));
        }
        return errors;
    }
}

public sealed partial class RegisterApplicantHandler(
    AppDbContext db, UserManager<AppUser> users, AccountMails mails, TimeProvider clock, ILogger<RegisterApplicantHandler> log)
    : IRequestHandler<RegisterApplicant, AccountResult<Guid>>
{
    public async ValueTask<AccountResult<Guid>> Handle(RegisterApplicant request, CancellationToken ct)
    {
        var email = request.Email?.Trim() ?? "";
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = request.DisplayName?.Trim() ?? "",
            UnitId = request.UnitId is { } unit ? new UnitId(unit) : null,
            CreatedAt = clock.GetUtcNow(),
        };
        var errors = await new RegisterApplicantValidator(db, users).ValidateAsync(request, user, ct);
        if (errors.Count > 0) return AccountResult<Guid>.Invalid(errors);

        // The user, its role and its confirmation mail commit together or not at all: UserManager
        // saves on each call, so all of them run inside one explicit transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded) return AccountResult<Guid>.Invalid([.. AccountChecks.FromIdentity(created.Errors, users.Options, null)]);
        var role = await users.AddToRoleAsync(user, Roles.Applicant);
        if (!role.Succeeded) throw new InvalidOperationException("Adding the Applicant role failed: " + string.Join(", ", role.Errors.Select(e => e.Code)));
        await mails.EnqueueConfirmationAsync(user);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogRegistered(user.Id);
        return AccountResult<Guid>.Ok(user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applicant {UserId} registered; confirmation mail queued")]
    private partial void LogRegistered(Guid userId);
}
