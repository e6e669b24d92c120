using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Calls;
using GrantPortal.Web.Infrastructure.Audit;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Calls;

public sealed class CallEditPageTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>
{
    private const string NewCallUrl = "/Admin/Calls/Edit";

    [Fact]
    public async Task Save_WithCloseFortyNineDaysAfterPublication_ShowsCallWindowBesideClose_KeepsInput_SavesNothing()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();

        var response = await admin.PostFormAsync(NewCallUrl, CallForms.Page(code, closeDays: 49, title: "四十九天的指南"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Matches(new Regex("id=\"PreWindowCloses-error\">\\s*<span[^>]*data-code=\"CALL-WINDOW\""), html);
        Assert.Contains("data-code=\"CALL-WINDOW\" data-field=\"PreWindowCloses\"", html);
        Assert.Contains($"value=\"{code}\"", html);
        Assert.Contains("value=\"四十九天的指南\"", html);
        Assert.Contains("value=\"" + CallForms.D(CallForms.Published.AddDays(49)) + "\"", html);
        Assert.DoesNotContain("[[", html);
        Assert.False(await app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task Save_WithCloseFiftyDaysAfterPublication_IsSavedWithBeijingInstants()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();

        var response = await admin.PostFormAsync(NewCallUrl, CallForms.Page(code, closeDays: 50));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var call = await app.WithDbAsync(db => db.Calls.Include(c => c.Directions).SingleAsync(c => c.Code == code));
        Assert.StartsWith("/Admin/Calls/Edit/" + call.Id, response.Headers.Location!.OriginalString);
        var close = CallForms.Published.AddDays(50);
        Assert.Equal(BeijingTime.At(close, new TimeOnly(16, 0)), call.PreWindowCloses);
        Assert.Equal(BeijingTime.EndOfDay(close.AddDays(2)), call.RecommenderDeadline);
        Assert.Equal(20L * 1024 * 1024, call.AttachmentMaxBytes);
        Assert.Equal(["PI-AGE"], call.RuleIds);
        var direction = Assert.Single(call.Directions);
        Assert.Equal(3, direction.Slots);
        Assert.Equal(["指标甲", "指标乙"], direction.Indicators);

        var page = await admin.GetAsync(response.Headers.Location!.OriginalString);
        var html = await page.HtmlAsync();
        Assert.Contains("id=\"saved\"", html);
        Assert.Contains("value=\"" + CallForms.D(close.AddDays(2)) + "\"", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Save_WithDirections_ShowsThemOnThePublicCallsPages()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();
        var form = CallForms.Page(code);
        form["Directions[1].Number"] = "2";
        form["Directions[1].Title"] = "公开可见的第二方向";
        form["Directions[1].Slots"] = "1";
        form["Directions[1].Indicators"] = "第二方向的考核指标";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(NewCallUrl, form)).StatusCode);

        var call = await app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code));
        var anonymous = app.CreateBrowser();
        var list = await (await anonymous.GetAsync("/Calls")).HtmlAsync();
        Assert.Contains("测试方向一", list);
        Assert.Contains("公开可见的第二方向", list);
        var details = await anonymous.GetAsync("/Calls/Details/" + call.Id);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var html = await details.HtmlAsync();
        Assert.Contains("第二方向的考核指标", html);
        Assert.Contains("指标乙", html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Save_WithDuplicateDirectionNumbersAndNoSlots_ShowsErrorsBesideTheRows()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();
        var form = CallForms.Page(code);
        form["Directions[1].Number"] = "1";
        form["Directions[1].Title"] = "重复编号";
        form["Directions[1].Slots"] = "0";

        var html = await (await admin.PostFormAsync(NewCallUrl, form)).HtmlAsync();

        Assert.Matches(new Regex("id=\"Directions_1__Number-error\">\\s*<span[^>]*data-code=\"CALL-DIRECTION-NUMBER-DUPLICATE\""), html);
        Assert.Matches(new Regex("id=\"Directions_1__Slots-error\">\\s*<span[^>]*data-code=\"CALL-DIRECTION-SLOTS\""), html);
        Assert.False(await app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task Save_WithCodeOfAnotherCall_ShowsCallCodeDuplicate()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);

        var html = await (await admin.PostFormAsync(NewCallUrl, CallForms.Page("2018-SIC"))).HtmlAsync();

        Assert.Matches(new Regex("id=\"Code-error\">\\s*<span[^>]*data-code=\"CALL-CODE-DUPLICATE\""), html);
        Assert.Equal(1, await app.WithDbAsync(db => db.Calls.CountAsync(c => c.Code == "2018-SIC")));
    }

    [Fact]
    public async Task Edit_WritesAuditEntryWithAdminAndOldAndNewTitle_ShownOnAdminAudit()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(NewCallUrl, CallForms.Page(code, title: "修改前的名称"))).StatusCode);
        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Code == code));
        var url = "/Admin/Calls/Edit/" + call.Id;

        var response = await admin.PostFormAsync(url, CallForms.Page(code, title: "修改后的名称", version: call.Version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == "Call" && e.EntityId == call.Id.ToString() && e.Action == "Modified"));
        Assert.Equal(DemoUsers.Admin, entry.UserName);
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes)!;
        var title = Assert.Single(changes, c => c.Field == "Title");
        Assert.Equal("修改前的名称", title.Old);
        Assert.Equal("修改后的名称", title.New);
        Assert.DoesNotContain(changes, c => c.Field is "Code" or "RuleIds" or "PreWindowCloses");

        var audit = await admin.GetAsync($"/Admin/Audit?entityType=Call&entityId={call.Id}");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var html = await audit.HtmlAsync();
        Assert.Contains($"id=\"audit-{entry.Id}\"", html);
        Assert.Matches(new Regex("<tr data-field=\"Title\">.*修改前的名称.*修改后的名称", RegexOptions.Singleline), html);
        Assert.Contains(DemoUsers.Admin, html);
        Assert.DoesNotContain("[[", html);
    }

    [Fact]
    public async Task Edit_TwiceWithTheSameVersion_SecondIsRefusedAsConflict_KeepingItsInput()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(NewCallUrl, CallForms.Page(code))).StatusCode);
        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Code == code));
        var url = "/Admin/Calls/Edit/" + call.Id;

        var first = await admin.PostFormAsync(url, CallForms.Page(code, title: "第一位管理员的修改", version: call.Version));
        var second = await admin.PostFormAsync(url, CallForms.Page(code, title: "第二位管理员的修改", version: call.Version));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.HtmlAsync();
        Assert.Contains("data-code=\"CALL-CONFLICT\"", html);
        Assert.Matches(new Regex("<tr data-field=\"Title\">.*第二位管理员的修改.*第一位管理员的修改", RegexOptions.Singleline), html);
        Assert.Contains("value=\"第二位管理员的修改\"", html);
        Assert.Equal("第一位管理员的修改", await app.WithDbAsync(db => db.Calls.Where(c => c.Code == code).Select(c => c.Title).SingleAsync()));
    }

    [Fact]
    public async Task Edit_DirectionOnlyWithStaleVersion_IsAlsoAConflict()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(NewCallUrl, CallForms.Page(code))).StatusCode);
        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().Include(c => c.Directions).SingleAsync(c => c.Code == code));
        var url = "/Admin/Calls/Edit/" + call.Id;
        var directionId = call.Directions.Single().Id.Value.ToString();

        var firstForm = CallForms.Page(code, version: call.Version);
        firstForm["Directions[0].Id"] = directionId;
        firstForm["Directions[0].Slots"] = "5";
        var secondForm = CallForms.Page(code, version: call.Version);
        secondForm["Directions[0].Id"] = directionId;
        secondForm["Directions[0].Slots"] = "7";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, firstForm)).StatusCode);
        var second = await admin.PostFormAsync(url, secondForm);

        Assert.Contains("data-code=\"CALL-CONFLICT\"", await second.HtmlAsync());
        Assert.Equal(5, await app.WithDbAsync(db => db.Directions.Where(d => d.CallId == call.Id).Select(d => d.Slots).SingleAsync()));
    }

    [Fact]
    public async Task Edit_RemovingADirection_DeletesIt()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(NewCallUrl, CallForms.Page(code))).StatusCode);
        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().Include(c => c.Directions).SingleAsync(c => c.Code == code));
        var form = CallForms.Page(code, version: call.Version);
        form["Directions[0].Id"] = call.Directions.Single().Id.Value.ToString();
        form["Directions[0].Remove"] = "true";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Calls/Edit/" + call.Id, form)).StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.Directions.CountAsync(d => d.CallId == call.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Direction" && e.Action == "Deleted")));
    }

    [Fact]
    public async Task AddDirection_ReShowsTheFormWithAnotherRow_WithoutSaving()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var code = CallForms.NewCode();

        var response = await admin.PostFormAsync(NewCallUrl + "?handler=AddDirection", CallForms.Page(code), formUrl: NewCallUrl);

        var html = await response.HtmlAsync();
        Assert.Contains("name=\"Directions[1].Number\"", html);
        Assert.Contains($"value=\"{code}\"", html);
        Assert.False(await app.WithDbAsync(db => db.Calls.AnyAsync(c => c.Code == code)));
    }

    [Theory]
    [InlineData("/Admin/Calls")]
    [InlineData("/Admin/Calls/Edit")]
    [InlineData("/Admin/Calls/Edit?culture=en")]
    [InlineData("/Admin/Calls?culture=en")]
    public async Task AdminPages_RenderEveryText(string url)
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("[[", await response.HtmlAsync());
    }

    [Fact]
    public async Task EditPage_OfSeededCall_ShowsItsStatedDeadlineDay()
    {
        var admin = await app.SignedInAsync(DemoUsers.Admin);
        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Code == "2018-SIC"));
        var html = await (await admin.GetAsync("/Admin/Calls/Edit/" + call.Id)).HtmlAsync();
        Assert.Contains("name=\"RecommenderDeadlineOn\" type=\"date\" value=\"2019-01-16\"", html);
        Assert.Contains("name=\"PreWindowClosesTime\" type=\"time\" value=\"16:00\"", html);
        Assert.Contains($"/Admin/Audit?entityType=Call&entityId={call.Id}", html);
    }
}
