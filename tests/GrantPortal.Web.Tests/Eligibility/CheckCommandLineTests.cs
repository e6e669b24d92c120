using System.Text.Json;
using GrantPortal.Web.Features.Eligibility.Check;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Eligibility;

// Issue 5, point 8: `GrantPortal.Web check PATH...` checks application documents on disk for
// batch work, prints the findings as text or JSON, and stores nothing.
public sealed class CheckCommandLineTests(GrantPortalFactory app) : IClassFixture<GrantPortalFactory>, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string folder = Directory.CreateTempSubdirectory("gp-check-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(string Direction, int Indicators)> DirectionAsync() =>
        await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Code == "DEMO-SIC");
            var d = await db.Directions.AsNoTracking().Where(x => x.CallId == call.Id).OrderBy(x => x.SortOrder).FirstAsync();
            return (d.Number, d.Indicators.Count);
        });

    // A folder with a document that passes, one whose PI was born the day before PI-AGE's date,
    // and one that is not JSON.
    private async Task WriteFolderAsync()
    {
        _ = app.Services; // the database is created and seeded with the app
        var (direction, indicators) = await DirectionAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, "a-young.json"),
            JsonSerializer.Serialize(EligibilityCheckApiTests.Document(direction, indicators, new(1958, 1, 1)), Json));
        await File.WriteAllTextAsync(Path.Combine(folder, "b-old.json"),
            JsonSerializer.Serialize(EligibilityCheckApiTests.Document(direction, indicators, new(1957, 12, 31)), Json));
        await File.WriteAllTextAsync(Path.Combine(folder, "c-broken.json"), "{ \"title\": \"断开的文档\", ");
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not a document");
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CheckCommandLine.RunAsync(args, stdout, stderr, CancellationToken.None, app.ConnectionString, app.Clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Check_Folder_AsJson_GivesEachFileItsVerdictAndFindings_AndStoresNothing()
    {
        await WriteFolderAsync();
        var before = await app.WithDbAsync(async db => (await db.PreProposals.CountAsync(), await db.People.CountAsync(), await db.Units.CountAsync()));

        var (exit, output, _) = await RunAsync(folder, "--call", "DEMO-SIC", "--json", "--lang", "en");

        Assert.Equal(1, exit); // one document is blocked, one cannot be read
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["a-young.json", "b-old.json", "c-broken.json"], results.Select(r => Path.GetFileName(r.GetProperty("file").GetString()!)));
        Assert.Equal(["pass", "blocked", "invalid"], results.Select(r => r.GetProperty("verdict").GetString()!));
        var young = results[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.DoesNotContain("PI-AGE", young);
        var old = results[1].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "PI-AGE");
        Assert.Equal("Blocking", old.GetProperty("severity").GetString());
        Assert.Contains("1958", old.GetProperty("message").GetString()); // rendered in English with the call's date
        Assert.Equal("CHECK-FILE-NOT-JSON", results[2].GetProperty("errors")[0].GetProperty("code").GetString());

        var after = await app.WithDbAsync(async db => (await db.PreProposals.CountAsync(), await db.People.CountAsync(), await db.Units.CountAsync()));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Check_OneFile_AsText_WithoutCall_UsesTheOpenCall_AndExitsZeroWhenItPasses()
    {
        await WriteFolderAsync();

        var (exit, output, error) = await RunAsync(Path.Combine(folder, "a-young.json"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("DEMO-SIC", output);
        Assert.Contains("a-young.json", output);
        Assert.DoesNotContain("[[", output); // every text is in the catalog
    }

    [Fact]
    public async Task Check_BlockedFile_AsText_ListsTheRuleIdAndExitsOne()
    {
        await WriteFolderAsync();

        var (exit, output, _) = await RunAsync(Path.Combine(folder, "b-old.json"), "--call", "DEMO-SIC");

        Assert.Equal(1, exit);
        Assert.Contains("PI-AGE", output);
        Assert.DoesNotContain("[[", output);
    }

    [Fact]
    public async Task Check_UnknownCall_OrUnknownOption_OrNoPath_IsBadUsage()
    {
        await WriteFolderAsync();

        var unknownCall = await RunAsync(folder, "--call", "NO-SUCH-CALL");
        Assert.Equal(2, unknownCall.Exit);
        Assert.Contains("DEMO-SIC", unknownCall.Err); // names the calls there are

        Assert.Equal(2, (await RunAsync(folder, "--verbose")).Exit);
        Assert.Equal(2, (await RunAsync()).Exit);
    }

    [Fact]
    public async Task Check_MissingFile_IsReportedAsUnreadable()
    {
        await WriteFolderAsync();

        var (exit, output, _) = await RunAsync(Path.Combine(folder, "missing.json"), "--call", "DEMO-SIC", "--json");

        Assert.Equal(1, exit);
        var result = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal("invalid", result.GetProperty("verdict").GetString());
        Assert.Equal("CHECK-FILE-UNREADABLE", result.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    // The README's example is the API reference's example, and the platform can read it.
    [Fact]
    public async Task Check_TheReadmeExample_IsTheApiExample_AndIsChecked()
    {
        _ = app.Services;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrantPortal.sln"))) dir = dir.Parent;
        var example = Path.Combine(dir!.FullName, "src/GrantPortal.Web/Features/Eligibility/Check/example.json");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(example)),
            System.Text.Json.Nodes.JsonNode.Parse(CheckEligibilityEndpoint.ExampleBody)));

        var (_, output, error) = await RunAsync(example, "--call", "DEMO-SIC", "--json");

        var verdict = JsonDocument.Parse(output).RootElement[0].GetProperty("verdict").GetString();
        Assert.True(verdict is "pass" or "blocked", output + error);
    }
}
