using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

// Mails a reset link. The answer is the same whether or not the account exists (no enumeration).
// An account whose address is not confirmed yet gets the confirmation mail instead: the reset
// link would prove the same ownership, but the account must be confirmed to sign in anyway.
public sealed record ForgotPassword(string? Email) : IRequest<AccountResult<Done>>;

public sealed partial class ForgotPasswordHandler(AppDbContext db, UserManager<AppUser> users, AccountMails mails, ILogger<ForgotPasswordHandler> log)
    : IRequestHandler<ForgotPassword, AccountResult<Done>>
{
    public async ValueTask<AccountResult<Done>> Handle(ForgotPassword request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email)) return AccountResult<Done>.Invalid(new Error("Account.EmailRequired", "Email"));
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null) return AccountResult<Done>.Ok(default);
        if (user.EmailConfirmed) await mails.EnqueuePasswordResetAsync(user);
        else await mails.EnqueueConfirmationAsync(user);
        await db.SaveChangesAsync(ct);
        LogRequested(user.Id);
        return AccountResult<Done>.Ok(default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset requested for user {UserId}")]
    private partial void LogRequested(Guid userId);
}
