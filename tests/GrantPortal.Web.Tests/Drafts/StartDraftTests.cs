using System.Net;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Identity;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Drafts;

public sealed class StartDraftTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private Task<(Guid Call, Guid Direction)> CallAsync(string code) =>
        app.WithDbAsync(db => db.Calls.Where(c => c.Code == code).Select(c => new ValueTuple<Guid, Guid>(c.Id.Value, c.Directions.OrderBy(d => d.SortOrder).First().Id.Value)).SingleAsync());

    [Fact]
    public async Task Start_InTheOpenCall_CreatesADraftOfTheUsersUnitAndPerson_AndOpensTheEditPage()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (call, direction) = await CallAsync(SeedCalls.CodeDemo);
        var page = await (await client.GetAsync($"/PreProposals/Start?call={call}")).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{direction}\"", page);
        Assert.DoesNotContain("[[", page);

        var response = await client.PostFormAsync("/PreProposals/Start", new Dictionary<string, string> { ["CallId"] = call.ToString(), ["DirectionId"] = direction.ToString() }, $"/PreProposals/Start?call={call}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/PreProposals/Edit/", location);
        var id = new ProposalId(Guid.Parse(location["/PreProposals/Edit/".Length..]));
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoUsers.Applicant));
        var p = await app.LoadAsync(id);
        Assert.Equal(ApplicationState.Draft, p.State);
        Assert.Equal(user.UnitId, p.LeadUnitId);
        Assert.Equal(user.PersonId, p.PiPersonId);
        Assert.Equal(user.Id, p.OwnerUserId);
        Assert.Equal(direction, p.DirectionId.Value);
        var edit = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var html = await edit.Content.ReadAsStringAsync();
        Assert.Contains("id=\"draft-form\"", html);
        Assert.Contains("张伟", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Start_InAClosedCall_IsRefused()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (call, direction) = await CallAsync(SeedCalls.Code2018);
        var count = await app.WithDbAsync(db => db.PreProposals.CountAsync());

        var response = await client.PostFormAsync("/PreProposals/Start", new Dictionary<string, string> { ["CallId"] = call.ToString(), ["DirectionId"] = direction.ToString() }, "/PreProposals/Start");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-code=\"DRAFT-CALL-CLOSED\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(count, await app.WithDbAsync(db => db.PreProposals.CountAsync()));
        Assert.DoesNotContain(SeedCalls.Code2018, await (await client.GetAsync("/PreProposals/Start")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_WithADirectionOfAnotherCall_IsRefused()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (call, _) = await CallAsync(SeedCalls.CodeDemo);
        var (_, otherDirection) = await CallAsync(SeedCalls.Code2018);

        var response = await client.PostFormAsync("/PreProposals/Start", new Dictionary<string, string> { ["CallId"] = call.ToString(), ["DirectionId"] = otherDirection.ToString() }, "/PreProposals/Start");

        Assert.Contains("data-code=\"DRAFT-DIRECTION-NOT-IN-CALL\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_BeforeTheGuideIsPublished_IsRefused_ButBeforeTheWindowOpens_IsAllowed()
    {
        var client = await app.SignedInAsync(DemoUsers.Applicant);
        var (call, direction) = await CallAsync(SeedCalls.CodeDemo);
        var today = GrantPortal.Domain.Calls.BeijingTime.Today(app.Clock.GetUtcNow());
        var original = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == new CallId(call)));
        try
        {
            await SetCallAsync(call, today.AddDays(1), app.Clock.GetUtcNow().AddDays(2));
            var refused = await client.PostFormAsync("/PreProposals/Start", Form(call, direction), "/PreProposals/Start");
            Assert.Contains("data-code=\"DRAFT-CALL-CLOSED\"", await refused.Content.ReadAsStringAsync());

            await SetCallAsync(call, today.AddDays(-1), app.Clock.GetUtcNow().AddDays(2));
            var allowed = await client.PostFormAsync("/PreProposals/Start", Form(call, direction), "/PreProposals/Start");
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }
        finally
        {
            await SetCallAsync(call, original.GuidePublishedOn, original.PreWindowOpens);
        }
    }

    [Fact]
    public async Task Start_ForAnApplicantOfANonResearchUnit_IsRefusedWithUnitKind()
    {
        var (_, email) = await app.ColleagueAsync(Roles.Applicant, SeedRegistry.ProvinceCode);
        var client = await app.SignedInAsync(email);
        var (call, direction) = await CallAsync(SeedCalls.CodeDemo);

        var response = await client.PostFormAsync("/PreProposals/Start", Form(call, direction), "/PreProposals/Start");

        Assert.Contains("data-code=\"DRAFT-UNIT-KIND\"", await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Form(Guid call, Guid direction) => new() { ["CallId"] = call.ToString(), ["DirectionId"] = direction.ToString() };

    private Task SetCallAsync(Guid call, DateOnly published, DateTimeOffset opens) => app.WithDbAsync(async db =>
    {
        var c = await db.Calls.SingleAsync(x => x.Id == new CallId(call));
        c.GuidePublishedOn = published;
        c.PreWindowOpens = opens;
        await db.SaveChangesAsync();
    });
}
