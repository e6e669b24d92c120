using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Persistence;
using GrantPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using static GrantPortal.Web.Features.Eligibility.EligibilityEndpoint;

namespace GrantPortal.Web.Features.Eligibility.Check;

// `GrantPortal.Web check PATH... [--call CODE|ID] [--json] [--lang zh-CN|en]`: the eligibility
// check of POST /api/v1/calls/{callId}/eligibility-check for files on disk, for batch work. PATH
// is a JSON application document (the API's body) or a folder of them (*.json, sorted by name).
// Reads the call and the counting data from the platform's database; stores nothing.
// Exit code: 0 every document passes (review findings allowed), 1 some document has a blocking
// finding or cannot be read, 2 bad usage (unknown option, no call, no database).
public static class CheckCommandLine
{
    public const string Usage = """
        usage: dotnet run --project src/GrantPortal.Web -- check PATH... [--call CODE|ID] [--json] [--lang zh-CN|en]
          PATH      a JSON application document (the body of POST /api/v1/calls/{callId}/eligibility-check) or a folder of *.json
          --call    the call's code or id; without it, the call whose pre-proposal window is open today (if exactly one)
          --json    print the findings as JSON (one object per file) instead of text
          --lang    the language of the messages (default zh-CN)
        The database is ConnectionStrings__Postgres; without it, the private database of ./run (127.0.0.1, GP_PG_PORT or 55432).
        Exit code: 0 all documents pass, 1 a document has a blocking finding or cannot be read, 2 bad usage.
        """;

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record FileResult(string File, string Verdict, Guid? CallId, DateOnly? CheckedFor, int OtherApplicationsCounted,
        IReadOnlyList<FindingDto> Findings, IReadOnlyList<FileError>? Errors);

    public sealed record FileError(string Code, string? Field, string Message, IReadOnlyDictionary<string, string>? Args);

    private sealed record Options(List<string> Paths, string? Call, bool Json, string Culture);

    // `connection` and `clock` replace the environment's database and the system clock (tests).
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct,
        string? connection = null, TimeProvider? clock = null)
    {
        if (Parse(args, stderr) is not { } options) return 2;

        connection ??= new ConfigurationBuilder().AddEnvironmentVariables().Build().GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connection))
        {
            var port = Environment.GetEnvironmentVariable("GP_PG_PORT") is { Length: > 0 } p ? p : "55432";
            connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=grantportal";
        }

        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(connection));
        services.AddCatalogLocalization();
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(options.Culture);
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Messages>>();

        GrantCall? call;
        try
        {
            call = await FindCallAsync(db, options.Call, clock.GetUtcNow(), stderr, ct);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"check: cannot read the database ({ex.Message}). Start ./run, or set ConnectionStrings__Postgres.");
            return 2;
        }
        if (call is null) return 2;

        // `dotnet run --project` starts the app in the project's folder: relative paths are read
        // from the caller's folder, which the shell passes on as PWD.
        var from = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();
        var files = new List<string>();
        foreach (var given in options.Paths)
        {
            var path = Path.GetFullPath(given, from);
            if (Directory.Exists(path)) files.AddRange(Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).Select(f => Path.Join(given, Path.GetFileName(f))));
            else files.Add(given);
        }
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("check: no *.json file in " + string.Join(", ", options.Paths));
            return 2;
        }

        var today = BeijingTime.Today(clock.GetUtcNow());
        var results = new List<FileResult>();
        foreach (var file in files)
            results.Add(await CheckFileAsync(db, call, file, Path.GetFullPath(file, from), today, l, ct));

        if (options.Json)
            await stdout.WriteLineAsync(JsonSerializer.Serialize(results, WriteOptions));
        else
            await WriteTextAsync(stdout, call, results, l);
        return results.All(r => r.Verdict == "pass") ? 0 : 1;
    }

    private static Options? Parse(string[] args, TextWriter stderr)
    {
        var paths = new List<string>();
        string? call = null;
        var json = false;
        var culture = Catalog.DefaultCulture;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--call" when i + 1 < args.Length: call = args[++i]; break;
                case "--lang" when i + 1 < args.Length && Catalog.Cultures.Contains(args[i + 1]): culture = args[++i]; break;
                case "-h" or "--help":
                    stderr.WriteLine(Usage);
                    return null;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        stderr.WriteLine($"check: unknown or incomplete option {args[i]}");
                        stderr.WriteLine(Usage);
                        return null;
                    }
                    paths.Add(args[i]);
                    break;
            }
        }
        if (paths.Count == 0)
        {
            stderr.WriteLine(Usage);
            return null;
        }
        return new Options(paths, call, json, culture);
    }

    private static async Task<GrantCall?> FindCallAsync(AppDbContext db, string? wanted, DateTimeOffset now, TextWriter stderr, CancellationToken ct)
    {
        var calls = await db.Calls.AsNoTracking().OrderBy(c => c.PreWindowOpens).ToListAsync(ct);
        var list = string.Join(", ", calls.Select(c => c.Code));
        if (wanted is not null)
        {
            var found = calls.FirstOrDefault(c => string.Equals(c.Code, wanted, StringComparison.OrdinalIgnoreCase)
                || (Guid.TryParse(wanted, out var id) && c.Id.Value == id));
            if (found is null) await stderr.WriteLineAsync($"check: no call '{wanted}'; the calls are: {list}");
            return found;
        }
        var open = calls.Where(c => c.IsPreWindowOpen(now)).ToList();
        if (open.Count == 1) return open[0];
        await stderr.WriteLineAsync(open.Count == 0
            ? $"check: no call is open today; name one with --call ({list})"
            : $"check: several calls are open today; name one with --call ({string.Join(", ", open.Select(c => c.Code))})");
        return null;
    }

    private static async Task<FileResult> CheckFileAsync(AppDbContext db, GrantCall call, string file, string fullPath, DateOnly today, IStringLocalizer l, CancellationToken ct)
    {
        CheckDocument? doc;
        try
        {
            await using var stream = File.OpenRead(fullPath);
            doc = await JsonSerializer.DeserializeAsync<CheckDocument>(stream, ReadOptions, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            var error = ex is JsonException json
                ? Error.For("CHECK-FILE-NOT-JSON", json.Path, ("line", ((json.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)))
                : Error.For("CHECK-FILE-UNREADABLE", null, ("reason", ex.Message));
            return Invalid(file, call, [error], l);
        }
        if (doc is null) return Invalid(file, call, [Error.For("CHECK-FILE-NOT-JSON", null, ("line", "1"))], l);

        var result = await CheckDocuments.RunAsync(db, call, doc, today, ct);
        if (result.Errors.Count > 0) return Invalid(file, call, result.Errors, l);
        return new FileResult(file, result.HasBlocking ? "blocked" : "pass", call.Id.Value, result.CheckedFor, result.OtherApplicationsCounted,
            [.. result.Findings.Select(f => CheckEligibilityEndpoint.Dto(f, l))], null);
    }

    private static FileResult Invalid(string file, GrantCall call, IReadOnlyList<Error> errors, IStringLocalizer l) =>
        new(file, "invalid", call.Id.Value, null, 0, [], [.. errors.Select(e => new FileError(e.Code, e.Field is null ? null : ApiProblem.JsonField(e.Field), l.Error(e), e.Args))]);

    private static async Task WriteTextAsync(TextWriter o, GrantCall call, List<FileResult> results, IStringLocalizer l)
    {
        var title = CultureInfo.CurrentUICulture.Name == "en" && !string.IsNullOrWhiteSpace(call.TitleEn) ? call.TitleEn : call.Title;
        await o.WriteLineAsync(l["CHECK-CLI-CALL", call.Code, title]);
        foreach (var r in results)
        {
            await o.WriteLineAsync();
            var blocking = r.Findings.Count(f => f.Severity == nameof(Domain.Eligibility.Severity.Blocking));
            await o.WriteLineAsync(r.Verdict switch
            {
                "pass" => l["CHECK-CLI-PASS", r.File, r.CheckedFor?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Findings.Count],
                "blocked" => l["CHECK-CLI-BLOCKED", r.File, r.CheckedFor?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", blocking, r.Findings.Count - blocking],
                _ => l["CHECK-CLI-INVALID", r.File],
            });
            foreach (var f in r.Findings)
            {
                var severity = l[f.Severity == nameof(Domain.Eligibility.Severity.Blocking) ? "CHECK-CLI-SEVERITY-BLOCKING" : "CHECK-CLI-SEVERITY-REVIEW"];
                var subject = f.SubjectKind == nameof(Domain.Eligibility.SubjectKind.Document) ? l["AttachmentKind." + f.SubjectId].Value : f.SubjectName;
                var where = string.Join(" · ", new[] { subject, f.Field }.Where(s => !string.IsNullOrEmpty(s)));
                await o.WriteLineAsync($"  [{severity}] {f.RuleId}{(where.Length > 0 ? " (" + where + ")" : "")}: {f.Message}");
            }
            foreach (var e in r.Errors ?? [])
                await o.WriteLineAsync($"  {e.Code}{(e.Field is null ? "" : " (" + e.Field + ")")}: {e.Message}");
        }
        var pass = results.Count(r => r.Verdict == "pass");
        await o.WriteLineAsync();
        await o.WriteLineAsync(l["CHECK-CLI-SUMMARY", results.Count, pass, results.Count(r => r.Verdict == "blocked"), results.Count(r => r.Verdict == "invalid")]);
    }
}
