using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

// Sends the confirmation mail again. The answer is the same whether or not the address belongs to
// an unconfirmed account, so that nobody can probe which addresses are registered.
public sealed record ResendConfirmation(string? Email) : IRequest<AccountResult<Done>>;

public sealed partial class ResendConfirmationHandler(AppDbContext db, UserManager<AppUser> users, AccountMails mails, ILogger<ResendConfirmationHandler> log)
    : IRequestHandler<ResendConfirmation, AccountResult<Done>>
{
    public async ValueTask<AccountResult<Done>> Handle(ResendConfirmation request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email)) return AccountResult<Done>.Invalid(new GrantPortal.Domain.Common.Error("Account.EmailRequired", "Email"));
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is { EmailConfirmed: false })
        {
            await mails.EnqueueConfirmationAsync(user);
            await db.SaveChangesAsync(ct);
            LogResent(user.Id);
        }
        return AccountResult<Done>.Ok(default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation mail queued again for user {UserId}")]
    private partial void LogResent(Guid userId);
}
