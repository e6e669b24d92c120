using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Eligibility;
using GrantPortal.Web.Tests.Submission;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.RulesData;

public static class RulesDataKit
{
    // 田中由纪, born 1950-02-02: before the demo call's foreign-lead date (1953-01-01, the 2018 value).
    public const string OldForeignLead = "TK1234567";
    // 杨帆: the demo call's seeded guide-drafting expert, on no demo team.
    public static string SeededGuideExpert => SeedRegistry.Rid(SeedRegistry.GuideExpertDocumentPrefix);

    public static Task<Guid> DemoCallIdAsync(this GrantPortalFactory app) =>
        app.WithDbAsync(db => db.Calls.Where(c => c.Code == SeedCalls.CodeDemo).Select(c => c.Id.Value).SingleAsync());

    public static Task<PersonId> PersonIdAsync(this GrantPortalFactory app, string documentNumber) =>
        app.WithDbAsync(db => db.People.Where(p => p.DocumentNumber == documentNumber).Select(p => p.Id).SingleAsync());

    // Submits the demo draft as the only application in the call, on clean rule data: earlier
    // applications of this test class are withdrawn (the counting rules stay out of the way) and
    // the sanctions and guide experts earlier tests recorded are gone.
    public static async Task<PreProposal> SubmitAloneAsync(this GrantPortalFactory app, Action<Proposals.DraftOptions>? options = null)
    {
        await app.WithDbAsync(async db =>
        {
            await db.PreProposals.Where(x => x.State != ApplicationState.Draft && x.State != ApplicationState.Complete)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.State, ApplicationState.Withdrawn));
            await db.PersonSanctions.ExecuteDeleteAsync();
            await db.GuideExperts.ExecuteDeleteAsync();
        });
        return await app.SubmitAsLeadAsync(options);
    }

    // The draft's key member (李娜 of the demo draft).
    public static PersonId KeyMember(this PreProposal p) => p.Members.Single(m => m.Role == MemberRole.KeyMember).PersonId;

    // Replaces the demo draft's foreign lead by 田中由纪 (too old without a claim).
    public static async Task<Action<PreProposal>> WithOldForeignLeadAsync(this GrantPortalFactory app, ForeignLeadException? claim = null, string statement = "")
    {
        var tanaka = await app.PersonIdAsync(OldForeignLead);
        return p =>
        {
            p.Members.Single(m => m.Role == MemberRole.ForeignLead).PersonId = tanaka;
            p.ForeignLeadException = claim;
            p.ForeignLeadStatement = statement;
        };
    }

    public sealed record ApiFinding(string RuleId, string Code, string Severity, string? SubjectId, string? Field, IReadOnlyDictionary<string, string> Args);

    public static async Task<IReadOnlyList<ApiFinding>> FindingsAsync(this GrantPortalFactory app, ProposalId id, string email = DemoUsers.Applicant)
    {
        var client = await app.UserApiAsync(email);
        var response = await client.GetAsync($"/api/v1/applications/{id}/eligibility");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Parse(body.GetProperty("findings"));
    }

    public static IReadOnlyList<ApiFinding> Parse(JsonElement findings) =>
        [.. findings.EnumerateArray().Select(f => new ApiFinding(
            f.GetProperty("ruleId").GetString()!, f.GetProperty("code").GetString()!, f.GetProperty("severity").GetString()!,
            f.GetProperty("subjectId").GetString(), f.GetProperty("field").GetString(),
            f.GetProperty("args").EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString() ?? "")))];
}
