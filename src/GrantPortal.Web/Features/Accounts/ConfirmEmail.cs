using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantPortal.Web.Features.Accounts;

// The link of the confirmation mail. An unknown user, a damaged or expired code all answer the
// same "invalid or expired link".
public sealed record ConfirmEmail(string? UserId, string? Code) : IRequest<AccountResult<Done>>;

public sealed partial class ConfirmEmailHandler(UserManager<AppUser> users, ILogger<ConfirmEmailHandler> log)
    : IRequestHandler<ConfirmEmail, AccountResult<Done>>
{
    public async ValueTask<AccountResult<Done>> Handle(ConfirmEmail request, CancellationToken ct)
    {
        var invalid = AccountResult<Done>.Invalid(new Error("Account.LinkInvalid"));
        var token = AccountMails.DecodeToken(request.Code);
        if (token is null || !Guid.TryParse(request.UserId, out var id)) return invalid;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return invalid;
        if (user.EmailConfirmed) return AccountResult<Done>.Ok(default);
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded) return invalid;
        LogConfirmed(user.Id);
        return AccountResult<Done>.Ok(default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} confirmed the e-mail address")]
    private partial void LogConfirmed(Guid userId);
}
