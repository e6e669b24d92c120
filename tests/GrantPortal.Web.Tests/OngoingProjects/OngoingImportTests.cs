using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GrantPortal.Web.Features.OngoingProjects.Import;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static GrantPortal.Web.Tests.OngoingProjects.OngoingCsv;

namespace GrantPortal.Web.Tests.OngoingProjects;

// Each test uses its own project codes, so the tests of the class share one database.
public sealed class OngoingImportTests(GrantPortalFactory app, ITestOutputHelper output) : IClassFixture<GrantPortalFactory>
{
    private Task<int> CountAsync(string codePrefix) => app.WithDbAsync(db => db.OngoingProjects.CountAsync(p => p.ProjectCode.StartsWith(codePrefix)));

    private Task<int> AuditCountAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "OngoingProject"));

    private static JsonElement Report(JsonElement status) => status.GetProperty("report");

    [Fact]
    public async Task Import_GoodUtf8FileWithBom_CreatesEveryRecord_WithAudit()
    {
        var api = await app.StaffApiAsync();
        var lines = Enumerable.Range(1000, 30).Select(n => Line(n, code: "GOOD-" + n)).ToList();
        var auditBefore = await AuditCountAsync();
        var status = await api.ImportAsync(Utf8WithBom(File(lines)));
        Assert.Equal("Done", status.GetProperty("state").GetString());
        var report = Report(status);
        Assert.True(report.GetProperty("imported").GetBoolean());
        Assert.Equal(30, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("refused").GetInt32());
        Assert.Equal(30, await CountAsync("GOOD-"));
        Assert.Equal(auditBefore + 30, await AuditCountAsync());
        var one = await app.WithDbAsync(db => db.OngoingProjects.SingleAsync(p => p.ProjectCode == "GOOD-1000"));
        Assert.Equal("项目, 1000", one.ProjectTitle);
        Assert.Equal(new DateOnly(2021, 6, 30), one.EndsOn);
    }

    [Fact]
    public async Task Import_Gb18030FileWithChineseNames_ReadsNamesCorrectly()
    {
        var api = await app.StaffApiAsync();
        var names = new[] { "张三丰", "欧阳修", "李𠀋" };
        var lines = names.Select((name, i) => Line(2000 + i, name: name, code: "GBK-" + i)).ToList();
        var status = await api.ImportAsync(Gb18030(File(lines)));
        Assert.Equal("GB18030", Report(status).GetProperty("encoding").GetString());
        Assert.Equal(3, Report(status).GetProperty("created").GetInt32());
        var stored = await app.WithDbAsync(db => db.OngoingProjects.Where(p => p.ProjectCode.StartsWith("GBK-")).OrderBy(p => p.ProjectCode).Select(p => p.PersonName).ToListAsync());
        Assert.Equal(names, stored);
    }

    private static List<string> WithBadLines(string prefix) =>
    [
        Line(3000, code: prefix + "1"),
        Line(3001, code: prefix + "2").Replace("ResidentIdCard," + Rid(3001), "ResidentIdCard," + Rid(3001)[..^1] + (Rid(3001)[^1] == '0' ? '1' : '0')), // line 3: check digit
        Line(3002, code: prefix + "3").Replace("2021-06-30,2021-06-30", "2021-06-30,2020-06-30"),                                                      // line 4: ends before original end
        Line(3003, code: prefix + "4").Replace("KeyMember", "Boss"),                                                                                   // line 5: unknown role
        "NationalKeyRd,\"" + prefix + "5,only,three",                                                                                                  // line 6: unterminated quote
    ];

    [Fact]
    public async Task Import_FileWithBadLines_ImportsNothing_ReportsEachLineWithItsCode()
    {
        var api = await app.StaffApiAsync();
        var status = await api.ImportAsync(Utf8WithBom(File(WithBadLines("BAD-A-"))));
        var report = Report(status);
        Assert.False(report.GetProperty("imported").GetBoolean());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(4, report.GetProperty("refused").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(3, "REG-RID-CHECKDIGIT"), (4, "ONG-END-BEFORE-ORIGINAL-END"), (5, "ONG-CSV-VALUE"), (6, "ONG-CSV-MALFORMED")], errors);
        Assert.All(report.GetProperty("errors").EnumerateArray(), e => Assert.DoesNotContain("[[", e.GetProperty("message").GetString()));
        Assert.Equal(0, await CountAsync("BAD-A-"));
    }

    [Fact]
    public async Task Import_FileWithBadLines_GoodLinesOnly_ImportsTheGoodOnes()
    {
        var api = await app.StaffApiAsync();
        var status = await api.ImportAsync(Utf8WithBom(File(WithBadLines("BAD-B-"))), goodLinesOnly: true);
        var report = Report(status);
        Assert.True(report.GetProperty("imported").GetBoolean());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(4, report.GetProperty("refused").GetInt32());
        Assert.Equal(1, await CountAsync("BAD-B-"));
    }

    [Fact]
    public async Task Reimport_OfTheSameFile_ChangesNothing_AndAChangedLineUpdatesOnlyIt()
    {
        var api = await app.StaffApiAsync();
        var lines = Enumerable.Range(4000, 10).Select(n => Line(n, code: "RE-" + n)).ToList();
        var file = Utf8WithBom(File(lines));
        await api.ImportAsync(file);
        var before = await app.WithDbAsync(db => db.OngoingProjects.AsNoTracking().Where(p => p.ProjectCode.StartsWith("RE-")).OrderBy(p => p.ProjectCode).ToListAsync());
        var auditBefore = await AuditCountAsync();

        var again = Report(await api.ImportAsync(file));
        Assert.Equal((0, 0, 10), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(auditBefore, await AuditCountAsync());
        var after = await app.WithDbAsync(db => db.OngoingProjects.AsNoTracking().Where(p => p.ProjectCode.StartsWith("RE-")).OrderBy(p => p.ProjectCode).ToListAsync());
        Assert.Equal(before.Select(p => (p.Id, p.Version)), after.Select(p => (p.Id, p.Version)));

        lines[0] = Line(4000, code: "RE-4000", endsOn: "2022-06-30");
        var changed = Report(await api.ImportAsync(Utf8WithBom(File(lines))));
        Assert.Equal((0, 1, 9), (changed.GetProperty("created").GetInt32(), changed.GetProperty("updated").GetInt32(), changed.GetProperty("unchanged").GetInt32()));
        Assert.Equal(auditBefore + 1, await AuditCountAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "OngoingProject" && a.Action == "Modified").ToListAsync());
        Assert.Contains(audit, a => a.EntityId == before[0].Id.ToString() && a.Changes.Contains("2022-06-30") && a.Changes.Contains("EndsOn"));
    }

    [Fact]
    public async Task Import_CancelledMidway_LeavesTheTableExactlyAsBefore()
    {
        var api = await app.StaffApiAsync();
        var existing = Enumerable.Range(5000, 5).Select(n => Line(n, code: "CUT-" + n)).ToList();
        await api.ImportAsync(Utf8WithBom(File(existing)));
        var snapshot = await app.WithDbAsync(db => db.OngoingProjects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Version, p.EndsOn }).ToListAsync());
        var auditBefore = await AuditCountAsync();

        // The same five changed, then 5,000 new lines; the import is cancelled after 2,000 lines.
        var lines = existing.Select((l, i) => Line(5000 + i, code: "CUT-" + (5000 + i), endsOn: "2023-06-30"))
            .Concat(Enumerable.Range(10_000, 5000).Select(n => Line(n, code: "CUT-" + n))).ToList();
        using var cts = new CancellationTokenSource();
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OngoingImporter>();
        await using var stream = new MemoryStream(Utf8WithBom(File(lines)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.RunAsync(stream, new ImportOptions(ImportEncoding.Auto, false, null, "test"),
            n => { if (n >= 2000) cts.Cancel(); }, cts.Token));

        var now = await app.WithDbAsync(db => db.OngoingProjects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Version, p.EndsOn }).ToListAsync());
        Assert.Equal(snapshot, now);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Import_Of100000Lines_PrintsItsTime()
    {
        var api = await app.StaffApiAsync();
        var text = new StringBuilder(Header).Append("\r\n");
        for (var n = 0; n < 100_000; n++) text.Append(Line(100_000 + n, code: "BIG-" + n)).Append("\r\n");
        var file = Utf8WithBom(text.ToString());
        var watch = Stopwatch.StartNew();
        var report = Report(await api.ImportAsync(file));
        output.WriteLine($"100,000-line import: {watch.Elapsed.TotalSeconds:F1} s ({file.Length / 1024 / 1024} MiB)");
        Assert.Equal(100_000, report.GetProperty("created").GetInt32());
        watch.Restart();
        var again = Report(await api.ImportAsync(file));
        output.WriteLine($"100,000-line re-import (all unchanged): {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(100_000, again.GetProperty("unchanged").GetInt32());
    }
}
