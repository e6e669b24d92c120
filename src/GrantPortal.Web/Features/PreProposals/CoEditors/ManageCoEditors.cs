using System.Globalization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Features.PreProposals.Edit;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Mail;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.PreProposals.CoEditors;

// The PI invites colleagues of the same unit to edit the draft with it (issue 4, point 3), and may
// remove them. Co-editors edit the content; only the PI marks complete and invites (ProposalAccess).
public sealed record InviteCoEditor(ProposalId Id, string? Email) : IRequest<CoEditorResult>;

public sealed record RemoveCoEditor(ProposalId Id, Guid UserId) : IRequest<CoEditorResult>;

public enum CoEditorStatus
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
}

public sealed record CoEditorResult(CoEditorStatus Status, IReadOnlyList<Error> Errors)
{
    public static readonly CoEditorResult Done = new(CoEditorStatus.Done, []);
    public static readonly CoEditorResult NotFound = new(CoEditorStatus.NotFound, [Error.For("DRAFT-NOT-FOUND")]);
    public static CoEditorResult Forbidden(string code) => new(CoEditorStatus.Forbidden, [Error.For(code)]);
    public static CoEditorResult Invalid(string code) => new(CoEditorStatus.Invalid, [Error.For(code, "Email")]);
}

public sealed class InviteCoEditorHandler(AppDbContext db, ICurrentUser user, UserManager<AppUser> users, Outbox outbox, TimeProvider clock,
    IConfiguration configuration, IHttpContextAccessor http, ILogger<InviteCoEditorHandler> log) : IRequestHandler<InviteCoEditor, CoEditorResult>
{
    public async ValueTask<CoEditorResult> Handle(InviteCoEditor request, CancellationToken ct)
    {
        var p = await db.PreProposals.Include(x => x.CoEditors).VisibleTo(user).SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null) return CoEditorResult.NotFound;
        if (!ProposalAccess.IsOwner(p, user)) return CoEditorResult.Forbidden("DRAFT-COEDITOR-OWNER-ONLY");
        if (p.State != ApplicationState.Draft) return new CoEditorResult(CoEditorStatus.Forbidden, [Error.For("APP-NOT-EDITABLE", null, ("state", p.State))]);

        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email)) return CoEditorResult.Invalid("DRAFT-COEDITOR-EMAIL-REQUIRED");
        var invitee = await users.FindByEmailAsync(email);
        // One answer for "no such account" and "an account elsewhere": the form reveals nothing
        // about accounts outside the PI's own unit.
        if (invitee is null || invitee.UnitId != p.LeadUnitId || !await users.IsInRoleAsync(invitee, Roles.Applicant))
            return CoEditorResult.Invalid("DRAFT-COEDITOR-NOT-IN-UNIT");
        if (invitee.Id == p.OwnerUserId) return CoEditorResult.Invalid("DRAFT-COEDITOR-SELF");
        if (p.CoEditors.Any(c => c.UserId == invitee.Id)) return CoEditorResult.Invalid("DRAFT-COEDITOR-ALREADY");

        var now = clock.GetUtcNow();
        var editor = new CoEditor { UserId = invitee.Id, InvitedAt = now };
        p.CoEditors.Add(editor);
        db.ChangeTracker.DetectChanges();
        db.Entry(editor).State = EntityState.Added;
        var title = string.IsNullOrWhiteSpace(p.Title) ? "—" : p.Title;
        outbox.Enqueue(invitee.Email!, "Mail.CoEditorInvited.Subject", "Mail.CoEditorInvited.Body", CultureInfo.CurrentUICulture, new Dictionary<string, string>
        {
            ["name"] = invitee.DisplayName,
            ["inviter"] = user.Name,
            ["title"] = title,
            ["link"] = BaseUrl() + "/PreProposals/Edit/" + p.Id,
        });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Co-editor {UserId} invited to draft {ProposalId}", invitee.Id, p.Id);
        return CoEditorResult.Done;
    }

    private string BaseUrl()
    {
        if (configuration["App:PublicUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

public sealed class RemoveCoEditorHandler(AppDbContext db, ICurrentUser user, ILogger<RemoveCoEditorHandler> log) : IRequestHandler<RemoveCoEditor, CoEditorResult>
{
    public async ValueTask<CoEditorResult> Handle(RemoveCoEditor request, CancellationToken ct)
    {
        var p = await db.PreProposals.Include(x => x.CoEditors).VisibleTo(user).SingleOrDefaultAsync(x => x.Id == request.Id, ct);
        if (p is null) return CoEditorResult.NotFound;
        if (!ProposalAccess.IsOwner(p, user)) return CoEditorResult.Forbidden("DRAFT-COEDITOR-OWNER-ONLY");
        var editor = p.CoEditors.FirstOrDefault(c => c.UserId == request.UserId);
        if (editor is null) return CoEditorResult.Done;
        p.CoEditors.Remove(editor);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Co-editor {UserId} removed from draft {ProposalId}", request.UserId, p.Id);
        return CoEditorResult.Done;
    }
}

