using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace GrantPortal.Bench;

// The autosave and printing benchmark (issue 4): run by bench/run against the real app in its own
// process. Prints figures; exits 1 when any request failed (a non-2xx save, a 409 included).
public static class BenchProgram
{
    public const string Applicant = "pi@demo.grantportal.test";
    public const string LeadAdmin = "lead@demo.grantportal.test";
    public const string DemoCall = "DEMO-SIC";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        // bench/run deadline: the deadline-day benchmark of issue 5.
        if (args is ["deadline", .. var rest]) return await Deadline.DeadlineBench.MainAsync(rest);
        var o = Options.Parse(args);
        if (o is null)
        {
            Console.Error.WriteLine("usage: GrantPortal.Bench --url http://127.0.0.1:PORT [--editors 32] [--saves 30] [--warmup 3] [--pdf 200] [--pdf-http 50] [--narrative 3000] [--password Demo-2026-grant]");
            return 2;
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            return await RunAsync(o, cts.Token);
        }
        catch (Exception e) when (e is BenchException or HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine("bench failed: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        Header(o);

        // --- setup: N signed-in editors, one draft each, through the real pages.
        var setup = Stopwatch.StartNew();
        var editors = new Browser[o.Editors];
        await Parallel.ForAsync(0, o.Editors, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => editors[i] = await Browser.SignInAsync(o.Url, Applicant, o.Password, token));
        var team = await Drafts.TeamAsync(editors[0], ct);
        var pages = new EditPage[o.Editors];
        await Parallel.ForAsync(0, o.Editors, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => pages[i] = await Drafts.EditPageAsync(editors[i], await Drafts.StartAsync(editors[i], DemoCall, token), token));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"setup: {o.Editors} sessions of {Applicant} signed in through /Accounts/Login, {o.Editors} drafts started through /PreProposals/Start ({setup.Elapsed.TotalSeconds:F1} s); {pages[0].IndicatorCount} indicators in the direction"));

        // --- 1. autosave: every editor saves its own draft back to back (closed loop, no think time).
        var versions = pages.Select(p => p.Version).ToArray();
        var failures = new ConcurrentDictionary<string, int>();
        var warm = await SavesAsync(o, editors, pages, team, versions, 0, o.Warmup, failures, ct);
        var measured = await SavesAsync(o, editors, pages, team, versions, o.Warmup, o.Saves, failures, ct);
        // The same saves by one editor alone: the cost of a save without queueing behind others.
        var alone = await SavesAsync(o, editors[..1], pages[..1], team, versions, o.Warmup + o.Saves, o.Saves, failures, ct);
        Console.WriteLine();
        Console.WriteLine($"autosave: POST /PreProposals/Edit/{{id}}?handler=Save (JSON {{version, content}}, RequestVerificationToken header), body ≈ {measured.BodyBytes / 1024.0:F1} KiB, narrative {o.Narrative} characters (PRE-LENGTH) in 4 sections + {pages[0].IndicatorCount} indicator answers");
        Console.WriteLine(Percentiles.Summary($"warm-up ({o.Editors} editors × {o.Warmup})", warm.Millis, warm.Wall));
        Console.WriteLine(Percentiles.Summary($"save, {o.Editors} concurrent editors × {o.Saves}", measured.Millis, measured.Wall));
        Console.WriteLine(Percentiles.Summary($"save, 1 editor alone × {o.Saves}", alone.Millis, alone.Wall));
        var failed = failures.Values.Sum();
        Console.WriteLine($"non-2xx or failed saves: {failed}{(failed == 0 ? "" : " (" + string.Join(", ", failures.Select(f => $"{f.Key}: {f.Value}")) + ")")}");

        // --- 2a. the printed PDF in process, on a full snapshot.
        var inProcess = Printing.RenderInProcess(o.Narrative, pages[0].IndicatorCount, o.Pdf);
        Console.WriteLine();
        Console.WriteLine($"printed PDF, in process: PreProposalPdf.Render of a full snapshot (narrative {o.Narrative}, 6 attachments, zh-CN): {inProcess.Bytes / 1024.0:F1} KiB, {inProcess.Pages} pages; one thread");
        Console.WriteLine(Percentiles.Summary($"render in process × {o.Pdf}", inProcess.Millis, inProcess.Wall));

        // --- 2b. the printed PDF over HTTP, of a draft submitted through the real pages.
        IReadOnlyList<double> http = [];
        if (o.PdfHttp > 0)
        {
            using var lead = await Browser.SignInAsync(o.Url, LeadAdmin, o.Password, ct);
            var id = await Drafts.StartAsync(editors[0], DemoCall, ct);
            await Submission.SubmitAsync(editors[0], lead, id, team, o.Narrative, ct);
            var print = await Printing.OverHttpAsync(editors[0], id, o.PdfHttp, failures, ct);
            http = print.Millis;
            Console.WriteLine($"printed PDF over HTTP: GET /PreProposals/Print/{{id}} of a pre-proposal submitted through the pages (save, 6 uploads, Complete, Submit by {LeadAdmin}): {print.Bytes / 1024.0:F1} KiB; sequential");
            Console.WriteLine(Percentiles.Summary($"GET print × {o.PdfHttp}", print.Millis, print.Wall));
        }

        // --- ratios measured in this run.
        var s50 = Percentiles.Of(measured.Millis, 0.50);
        var s99 = Percentiles.Of(measured.Millis, 0.99);
        var r50 = Percentiles.Of(inProcess.Millis, 0.50);
        Console.WriteLine();
        var httpRatio = http.Count > 0 ? FormattableString.Invariant($"; PDF over HTTP p50 / in-process p50 = {Percentiles.Of(http, 0.5) / r50:F2}") : "";
        Console.WriteLine(FormattableString.Invariant(
            $"ratios: save p99/p50 = {s99 / s50:F2}; save p50 with {o.Editors} editors / alone = {s50 / Percentiles.Of(alone.Millis, 0.5):F1}; PDF in-process p50 / save p50 = {r50 / s50:F2}{httpRatio}; save throughput = {measured.Millis.Count / measured.Wall.TotalSeconds:F1}/s with {o.Editors} editors"));

        foreach (var e in editors) e.Dispose();
        failed = failures.Values.Sum();
        Console.WriteLine(failed == 0 ? "result: OK, every request succeeded" : $"result: FAILED, {failed} request(s) failed");
        return failed == 0 ? 0 : 1;
    }

    public sealed record Run(IReadOnlyList<double> Millis, TimeSpan Wall, long BodyBytes);

    // Each editor sends `count` saves of its draft one after another, all editors at once; every
    // save carries the whole content, a few characters changed, on the version the last one returned.
    private static async Task<Run> SavesAsync(Options o, Browser[] editors, EditPage[] pages, Team team, uint[] versions, int first, int count,
        ConcurrentDictionary<string, int> failures, CancellationToken ct)
    {
        var millis = new ConcurrentBag<double>();
        long bodyBytes = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, editors.Length).Select(e => Task.Run(async () =>
        {
            for (var i = first; i < first + count; i++)
            {
                using var request = Drafts.SaveRequest(pages[e], versions[e], Drafts.Content(pages[e], team, o.Narrative, e, i));
                await request.Content!.LoadIntoBufferAsync(ct);
                Interlocked.Exchange(ref bodyBytes, request.Content.Headers.ContentLength ?? 0);
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await editors[e].Http.SendAsync(request, ct);
                    var saved = await response.Content.ReadFromJsonAsync<Drafts.Saved>(Drafts.Json, ct);
                    watch.Stop();
                    if (saved is not null && (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)) versions[e] = saved.Version;
                    if (!response.IsSuccessStatusCode) failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    else if (saved?.NarrativeCount != o.Narrative) failures.AddOrUpdate("count≠" + o.Narrative, 1, (_, n) => n + 1);
                    else millis.Add(watch.Elapsed.TotalMilliseconds);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }, ct)));
        return new Run([.. millis], wall.Elapsed, bodyBytes);
    }

    private static void Header(Options o)
    {
        string Read(string path, string pattern) =>
            File.Exists(path) && Regex.Match(File.ReadAllText(path), pattern, RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value.Trim() : "?";
        var memKb = Read("/proc/meminfo", @"^MemTotal:\s+(\d+)");
        var mem = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:F1} GiB" : "?";
        Console.WriteLine($"GrantPortal autosave and printing benchmark, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs ({Read("/proc/cpuinfo", @"^model name\s*:\s*(.+)$")}), {mem} memory; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}");
        // Other work on the machine shares its CPUs with the app and the bench: read the figures with it.
        Console.WriteLine($"load average before the run (1/5/15 min): {Read("/proc/loadavg", @"^(\S+ \S+ \S+)")}");
        Console.WriteLine($"app: {o.Url} (Release, its own process; PostgreSQL, Azurite and maildev on the same machine)");
        Console.WriteLine($"parameters: editors={o.Editors} saves={o.Saves} (after warm-up {o.Warmup}) narrative={o.Narrative} pdf={o.Pdf} pdf-http={o.PdfHttp}");
    }

    public sealed record Options(Uri Url, int Editors, int Saves, int Warmup, int Pdf, int PdfHttp, int Narrative, string Password)
    {
        public static Options? Parse(string[] args)
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
                d[args[i][2..]] = args[i + 1];
            }
            if (args.Length % 2 != 0 || !d.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
            int N(string name, int fallback) => d.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new Options(uri, N("editors", 32), N("saves", 30), N("warmup", 3), N("pdf", 200), N("pdf-http", 50), N("narrative", 3000),
                d.GetValueOrDefault("password", "Demo-2026-grant"));
        }
    }
}
