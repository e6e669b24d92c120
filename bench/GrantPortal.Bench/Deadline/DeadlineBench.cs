using System.Globalization;
using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Identity;
using Npgsql;

namespace GrantPortal.Bench.Deadline;

public sealed record DeadlineOptions(Uri Url, string Pg, string PgBench, int Clients, int Rounds, int Warmup, int People, int Ongoing, int Applications,
    int CsvLines, int PgBenchSeconds, string Password, int InprocRounds, IReadOnlyList<int> OpenRates, int OpenSeconds)
{
    // Drafts per client: the HTTP warm-up and rounds, the open-loop arrivals, then one warm-up round
    // and the rounds of the in-process measurement.
    public int DraftRounds => Warmup + Rounds + OpenRounds + (InprocRounds > 0 ? 1 + InprocRounds : 0);

    // The drafts of the open-loop phases (rate × seconds each), in whole rounds of all clients.
    public int OpenRounds => (OpenRates.Sum() * OpenSeconds + Clients - 1) / Clients;

    public static DeadlineOptions? Parse(string[] args)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            d[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0 || !d.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !d.TryGetValue("pg", out var pg)) return null;
        int N(string name, int fallback) => d.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new DeadlineOptions(uri, pg, d.GetValueOrDefault("pgbench", "/usr/lib/postgresql/15/bin/pgbench"), N("clients", 64), N("rounds", 30), N("warmup", 10),
            N("people", 100_000), N("ongoing", 20_000), N("applications", 10_000), N("csv-lines", 100_000), N("pgbench-seconds", 20),
            d.GetValueOrDefault("password", "Demo-2026-grant"), N("inproc-rounds", 6),
            [.. d.GetValueOrDefault("open-rates", "50,100,150").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture))],
            N("open-seconds", 3));
    }
}

// The deadline-day benchmark of issue 5 (bench/run deadline): seeds a big call with binary COPY,
// then N concurrent API clients submit new pre-proposals through the real submit path (every rule
// of the call, race-proof counting), pgbench runs the bare-insert baseline on the same PostgreSQL,
// and the two batch jobs (re-check of the call, 100,000-line registry import) are timed.
// Prints figures; exits 1 on any error (a 5xx, an unexpected answer, a race that broke a limit).
public static class DeadlineBench
{
    public const string Staff = "staff@demo.grantportal.test";
    public const string Admin = "admin@demo.grantportal.test";
    public const double P99TargetMs = 100;
    public const double RatioTarget = 0.5;
    public const double BatchTargetSeconds = 30;

    public static async Task<int> MainAsync(string[] args)
    {
        var o = DeadlineOptions.Parse(args);
        if (o is null)
        {
            Console.Error.WriteLine("usage: GrantPortal.Bench deadline --url http://127.0.0.1:PORT --pg CONNECTION [--pgbench PATH] [--clients 64] [--rounds 30] [--warmup 10] "
                + "[--people 100000] [--ongoing 20000] [--applications 10000] [--csv-lines 100000] [--pgbench-seconds 20] [--password Demo-2026-grant] [--inproc-rounds 6] "
                + "[--open-rates 50,100,150] [--open-seconds 3]");
            return 2;
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        try
        {
            return await RunAsync(o, cts.Token);
        }
        catch (Exception e) when (e is BenchException or HttpRequestException or TaskCanceledException or NpgsqlException)
        {
            Console.Error.WriteLine("bench failed: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(DeadlineOptions o, CancellationToken ct)
    {
        var load = Machine.LoadAverage();
        Console.WriteLine($"GrantPortal deadline-day benchmark (issue 5), {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine(Machine.Line());
        Console.WriteLine($"load average before the run (1/5/15 min): {load}");
        var pgHost = new NpgsqlConnectionStringBuilder(o.Pg).Host ?? "";
        var transport = pgHost.StartsWith('/') ? $"Unix socket in {pgHost}" : $"TCP {pgHost}";
        Console.WriteLine($"app: {o.Url} (Release, its own process); PostgreSQL port {new NpgsqlConnectionStringBuilder(o.Pg).Port} through {transport}, for the app and pgbench alike (durable: fsync on); client, app and database on the same machine");
        Console.WriteLine($"parameters: clients={o.Clients} rounds={o.Rounds} (after warm-up {o.Warmup}) inproc-rounds={o.InprocRounds} people={o.People} ongoing={o.Ongoing} applications={o.Applications} csv-lines={o.CsvLines} pgbench-seconds={o.PgBenchSeconds}");
        var errors = new List<string>();
        var figures = new List<string>();

        // ---- 1. seed
        var builder = new NpgsqlDataSourceBuilder(o.Pg);
        builder.ConnectionStringBuilder.CommandTimeout = 600;
        await using var data = builder.Build();
        var seed = await new DeadlineSeed(data, o).RunAsync(ct);
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"seed (binary COPY, one connection): {seed.People:N0} people, {seed.Units} units, {seed.Ongoing:N0} ongoing projects, {seed.Applications:N0} submitted applications of the demo call, {seed.Drafts.Sum(d => d.Length):N0} complete drafts for the clients"));
        foreach (var (table, time, rows) in seed.Steps)
            Console.WriteLine(FormattableString.Invariant($"  {table,-52} {rows,9:N0} rows  {time.TotalSeconds,6:F1} s"));
        Console.WriteLine(FormattableString.Invariant($"seeding took {seed.Elapsed.TotalSeconds:F1} s"));
        figures.Add(FormattableString.Invariant($"seed_seconds={seed.Elapsed.TotalSeconds:F1}"));

        // ---- API clients: the lead unit's integration (submits) and the Exchange Center's (imports).
        using var admin = await Browser.SignInAsync(o.Url, Admin, o.Password, ct);
        var (leadId, leadSecret) = await ApiClients.RegisterAsync(admin, "deadline bench: lead unit", Roles.LeadUnitAdmin, seed.LeadUnitId, ct);
        var (staffId, staffSecret) = await ApiClients.RegisterAsync(admin, "deadline bench: exchange center", Roles.ExchangeCenterStaff, seed.ExchangeCenterUnitId, ct);
        var leadToken = await ApiClients.TokenAsync(o.Url, leadId, leadSecret, ct);
        var clients = Enumerable.Range(0, o.Clients).Select(_ => ApiClients.Client(o.Url, leadToken, 1)).ToArray();

        // ---- 2. the submissions
        var warm = await Submitters.RunAsync(clients, seed.Drafts, 0, o.Warmup, seed.RecommendingUnitId, ct);
        var pgStats = await PgStatements.ResetAsync(data, ct);
        var run = await Submitters.RunAsync(clients, seed.Drafts, o.Warmup, o.Rounds, seed.RecommendingUnitId, ct);
        if (pgStats) await PgStatements.PrintAsync(data, run.Results.Count, ct);
        var all = warm.Results.Concat(run.Results).ToList();
        var accepted = run.Of(SubmitOutcome.Accepted).Count();
        var refused = run.Of(SubmitOutcome.RefusedByRule).ToList();
        var (failed, unexpected, races) = Submitters.Check(all, "closed loop", errors);
        var millis = run.Results.Select(r => r.Millis).ToList();
        var rate = run.Results.Count / run.Wall.TotalSeconds;
        var p99 = Percentiles.Of(millis, 0.99);
        Console.WriteLine();
        Console.WriteLine($"submissions: POST /api/v1/pre-proposals/{{id}}/submit (client-credentials bearer token of the lead unit, Idempotency-Key), {o.Clients} clients, closed loop, no think time; "
            + "every submission runs the call's 31 rules in the submit transaction (advisory locks on the counted keys)");
        Console.WriteLine(Percentiles.Summary($"warm-up ({o.Clients} clients × {o.Warmup})", warm.Results.Select(r => r.Millis).ToList(), warm.Wall));
        Console.WriteLine(Percentiles.Summary($"submit, {o.Clients} concurrent clients × {o.Rounds}", millis, run.Wall));
        Console.WriteLine(Percentiles.Summary("  accepted only", run.Of(SubmitOutcome.Accepted).Select(r => r.Millis).ToList(), run.Wall));
        Console.WriteLine(Percentiles.Summary("  refused by a rule only", refused.Select(r => r.Millis).ToList(), run.Wall));
        Console.WriteLine($"outcomes (measured): accepted={accepted} refused-by-rule={refused.Count} errors={run.Of(SubmitOutcome.Error).Count()}; "
            + $"refusals by rule: {string.Join(", ", refused.SelectMany(r => r.Codes.Distinct()).GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
        Console.WriteLine($"races: {all.Count(r => r.Draft.Pair > 0) / 2} pairs of simultaneous submissions sharing a PI, a key member at the limit or a title; broken: {races}; "
            + $"unexpected refusals: {unexpected}; errors (warm-up included): {failed}");
        figures.Add(FormattableString.Invariant($"submit_per_second={rate:F1} p50_ms={Percentiles.Of(millis, 0.5):F1} p95_ms={Percentiles.Of(millis, 0.95):F1} p99_ms={p99:F1} max_ms={millis.Max():F1} accepted={accepted} refused={refused.Count} errors={failed}"));
        foreach (var c in clients) c.Dispose();

        // ---- 2a. the recommending unit's inbox on deadline day: the page of up to 500 applications
        // addressed to it, each with its eligibility findings recomputed.
        var (recId, recSecret) = await ApiClients.RegisterAsync(admin, "deadline bench: recommending unit", Roles.RecommenderOfficer, seed.RecommendingUnitId, ct);
        using (var rec = ApiClients.Client(o.Url, await ApiClients.TokenAsync(o.Url, recId, recSecret, ct), 1))
        {
            var inboxMillis = new List<double>();
            var inboxRows = 0;
            for (var i = 0; i < 6; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var response = await rec.GetAsync("/api/v1/recommendations/inbox", ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                watch.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    errors.Add($"inbox: {(int)response.StatusCode}");
                    break;
                }
                inboxRows = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("rows").GetArrayLength();
                if (i > 0) inboxMillis.Add(watch.Elapsed.TotalMilliseconds);
            }
            if (inboxMillis.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine(FormattableString.Invariant($"recommending unit's inbox: GET /api/v1/recommendations/inbox, {inboxRows} rows (at most 500) each with its findings, 1 warm-up then {inboxMillis.Count} alone: p50 {Percentiles.Of(inboxMillis, 0.5):F0} ms, max {inboxMillis.Max():F0} ms"));
                figures.Add(FormattableString.Invariant($"inbox_rows={inboxRows} inbox_p50_ms={Percentiles.Of(inboxMillis, 0.5):F0}"));
            }
        }

        // ---- 2a'. open loop: submissions arriving at fixed rates, each on its own request.
        var openResults = new List<Submitted>();
        var openFigures = new List<(int Rate, double P99)>();
        if (o.OpenRates.Count > 0)
        {
            var pool = Enumerable.Range(o.Warmup + o.Rounds, o.OpenRounds).SelectMany(j => seed.Drafts.Select(c => c[j])).ToList();
            using var open = ApiClients.Client(o.Url, leadToken, 256);
            Console.WriteLine();
            Console.WriteLine($"open loop: POST .../submit arriving at a fixed rate for {o.OpenSeconds} s each (one request per arrival, latency from its scheduled instant), rates {string.Join(", ", o.OpenRates)}/s");
            var next = 0;
            foreach (var offered in o.OpenRates)
            {
                var drafts = pool.Skip(next).Take(offered * o.OpenSeconds).ToList();
                next += drafts.Count;
                var openRun = await OpenLoop.RunAsync(open, drafts, offered, seed.RecommendingUnitId, ct);
                var ms = openRun.Results.Select(r => r.Millis).ToList();
                Console.WriteLine(Percentiles.Summary(FormattableString.Invariant($"  {offered}/s offered × {o.OpenSeconds} s"), ms, openRun.Wall));
                openResults.AddRange(openRun.Results);
                openFigures.Add((offered, Percentiles.Of(ms, 0.99)));
                figures.Add(FormattableString.Invariant($"open_{offered}_p50_ms={Percentiles.Of(ms, 0.5):F1} open_{offered}_p99_ms={Percentiles.Of(ms, 0.99):F1}"));
            }
            var (openFailed, openUnexpected, openBroken) = Submitters.Check(openResults, "open loop", errors);
            Console.WriteLine($"  outcomes: accepted={openResults.Count(r => r.Outcome == SubmitOutcome.Accepted)} refused-by-rule={openResults.Count(r => r.Outcome == SubmitOutcome.RefusedByRule)} errors={openFailed}; "
                + $"pairs broken: {openBroken}; unexpected refusals: {openUnexpected}");
        }

        // ---- 2b. the same handler in process: no HTTP, no token validation.
        var inprocAccepted = 0;
        if (o.InprocRounds > 0)
        {
            try
            {
                await InProcessAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add("in-process measurement failed: " + e.Message);
            }
        }

        async Task InProcessAsync()
        {
            await using var factory = InProcessSubmitters.Start();
            var principal = InProcessSubmitters.LeadClient(leadId, seed.LeadUnitId);
            var first = o.Warmup + o.Rounds + o.OpenRounds;
            var iWarm = await InProcessSubmitters.RunAsync(factory.Services, principal, seed.Drafts, first, 1, seed.RecommendingUnitId, ct);
            var iRun = await InProcessSubmitters.RunAsync(factory.Services, principal, seed.Drafts, first + 1, o.InprocRounds, seed.RecommendingUnitId, ct);
            var iAll = iWarm.Results.Concat(iRun.Results).ToList();
            inprocAccepted = iAll.Count(r => r.Outcome == SubmitOutcome.Accepted);
            var iMillis = iRun.Results.Select(r => r.Millis).ToList();
            var iRate = iRun.Results.Count / iRun.Wall.TotalSeconds;
            var (iFailed, iUnexpected, iBroken) = Submitters.Check(iAll, "in process", errors);
            Console.WriteLine();
            Console.WriteLine($"in process (bench process, the app's own services through WebApplicationFactory<Program>): IMediator.Send(SubmitPreProposal) in a DI scope per submission as the lead unit's API client, "
                + $"{o.Clients} concurrent tasks, fresh drafts, no HTTP, no token validation");
            Console.WriteLine(Percentiles.Summary($"warm-up ({o.Clients} tasks × 1)", iWarm.Results.Select(r => r.Millis).ToList(), iWarm.Wall));
            Console.WriteLine(Percentiles.Summary($"submit in process, {o.Clients} tasks × {o.InprocRounds}", iMillis, iRun.Wall));
            Console.WriteLine(Percentiles.Summary($"HTTP (above), {o.Clients} clients × {o.Rounds}", millis, run.Wall));
            Console.WriteLine(FormattableString.Invariant($"outcomes (measured): accepted={iRun.Of(SubmitOutcome.Accepted).Count()} refused-by-rule={iRun.Of(SubmitOutcome.RefusedByRule).Count()} errors={iRun.Of(SubmitOutcome.Error).Count()}; ")
                + $"races broken: {iBroken}; unexpected refusals: {iUnexpected}; errors (warm-up included): {iFailed}");
            Console.WriteLine(FormattableString.Invariant($"in process / HTTP: {iRate:F1} / {rate:F1} submissions per second = {iRate / rate:F2}; p50 {Percentiles.Of(iMillis, 0.5):F1} ms vs {Percentiles.Of(millis, 0.5):F1} ms"));
            figures.Add(FormattableString.Invariant($"inproc_per_second={iRate:F1} inproc_p50_ms={Percentiles.Of(iMillis, 0.5):F1} inproc_p95_ms={Percentiles.Of(iMillis, 0.95):F1} inproc_p99_ms={Percentiles.Of(iMillis, 0.99):F1}"));
        }

        // ---- 3. pgbench: the bare insert transaction, same clients, same database.
        Console.WriteLine();
        await PgBench.PrepareAsync(data, seed.CallId, ct);
        var pg = await PgBench.RunAsync(o.PgBench, new NpgsqlConnectionStringBuilder(o.Pg), o.Clients, o.PgBenchSeconds, ct);
        await PgBench.DropAsync(data, ct);
        var ratio = rate / pg.Tps;
        Console.WriteLine($"pgbench, bare insert transaction (a pre_proposals-shaped row with ~11 KB snapshot + its transition row, one transaction; copies of the real tables with their indexes): {pg.Command}");
        Console.WriteLine(FormattableString.Invariant($"pgbench: {pg.Tps:F1} tps, latency average {pg.LatencyAverageMs:F1} ms, {pg.Transactions:N0} transactions, {pg.Failed} failed"));
        figures.Add(FormattableString.Invariant($"pgbench_tps={pg.Tps:F1}"));
        if (pg.Failed > 0) errors.Add($"pgbench: {pg.Failed} failed transactions");

        // ---- 4. batch jobs: the registry import (100,000 lines), then the re-check of the call.
        Console.WriteLine();
        var csv = await BatchJobs.WriteCsvAsync(data, o.CsvLines, ct);
        JobTiming import, recheck;
        try
        {
            var staffApi = ApiClients.Client(o.Url, await ApiClients.TokenAsync(o.Url, staffId, staffSecret, ct), 4);
            using (staffApi)
            {
                import = await BatchJobs.ImportAsync(staffApi, csv, ct);
            }
        }
        finally
        {
            File.Delete(csv);
        }
        Console.WriteLine(FormattableString.Invariant($"registry import: {o.CsvLines:N0}-line CSV (UTF-8, all {seed.Ongoing:N0} records held, one in ten extended, then new records) through POST /api/v1/ongoing-projects/import: {import.State} in {import.Elapsed.TotalSeconds:F1} s ({import.Detail})"));
        // The Exchange Center re-checks what recommending units sent it: the recommending units'
        // batches (endorse and send) are simulated here in one statement for every submitted one.
        await using (var pgConnection = new NpgsqlConnection(o.Pg))
        {
            await pgConnection.OpenAsync(ct);
            await using var send = new NpgsqlCommand("""UPDATE pre_proposals SET "State" = 'Endorsed', "SentAt" = now() WHERE "CallId" = @call AND "State" = 'Submitted'""", pgConnection);
            send.Parameters.AddWithValue("call", seed.CallId);
            Console.WriteLine(FormattableString.Invariant($"recommending units' batches simulated: {await send.ExecuteNonQueryAsync(ct):N0} submitted applications endorsed and sent"));
        }
        using var staff = await Browser.SignInAsync(o.Url, Staff, o.Password, ct);
        recheck = await BatchJobs.RecheckAsync(staff, seed.CallId, ct);
        Console.WriteLine(FormattableString.Invariant($"batch re-check: {recheck.Total:N0} submitted applications of the call ({o.Applications:N0} seeded + {accepted + warm.Of(SubmitOutcome.Accepted).Count() + openResults.Count(r => r.Outcome == SubmitOutcome.Accepted)} accepted over HTTP + {inprocAccepted} in process above), after the import, through /ExchangeCenter/Recheck: {recheck.State} in {recheck.Elapsed.TotalSeconds:F1} s ({recheck.Detail})"));
        figures.Add(FormattableString.Invariant($"import_seconds={import.Elapsed.TotalSeconds:F1} recheck_seconds={recheck.Elapsed.TotalSeconds:F1} recheck_applications={recheck.Total}"));
        if (import.State != "Done" || !import.Detail.StartsWith("imported=True", StringComparison.Ordinal)) errors.Add($"import: {import.State} {import.Detail}");
        if (recheck.State != "Done") errors.Add($"re-check: {recheck.State}");

        // ---- summary against the targets of issue 5.
        Console.WriteLine();
        string Verdict(bool ok) => ok ? "met" : "NOT met";
        Console.WriteLine(($"targets: p99 {p99:F1} ms < {P99TargetMs} ms at {o.Clients} clients: {Verdict(p99 < P99TargetMs)}; "
            + $"app / pgbench = {rate:F1} / {pg.Tps:F1} = {ratio:F2} >= {RatioTarget}: {Verdict(ratio >= RatioTarget)}; "
            + $"re-check {recheck.Elapsed.TotalSeconds:F1} s < {BatchTargetSeconds} s: {Verdict(recheck.Elapsed.TotalSeconds < BatchTargetSeconds)}; "
            + $"import {import.Elapsed.TotalSeconds:F1} s < {BatchTargetSeconds} s: {Verdict(import.Elapsed.TotalSeconds < BatchTargetSeconds)}"));
        if (openFigures.Count > 0)
        {
            Console.WriteLine("open loop (not a target of issue 5, which asks for 64 clients): p99 < " + P99TargetMs + " ms at "
                + string.Join(", ", openFigures.Select(f => FormattableString.Invariant($"{f.Rate}/s: {f.P99:F1} ms {(f.P99 < P99TargetMs ? "yes" : "no")}"))));
        }
        figures.Add(FormattableString.Invariant($"ratio_app_to_pgbench={ratio:F2}"));
        Console.WriteLine("figures: " + string.Join(' ', figures));
        Console.WriteLine($"load average after the run (1/5/15 min): {Machine.LoadAverage()}");
        foreach (var e in errors) Console.WriteLine("error: " + e);
        Console.WriteLine(errors.Count == 0 ? "result: OK, no errors (targets above are reported, not enforced)" : $"result: FAILED, {errors.Count} error line(s)");
        return errors.Count == 0 ? 0 : 1;
    }
}

public static class Machine
{
    private static string Read(string path, string pattern) =>
        File.Exists(path) && Regex.Match(File.ReadAllText(path), pattern, RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value.Trim() : "?";

    public static string LoadAverage() => Read("/proc/loadavg", @"^(\S+ \S+ \S+)");

    public static string Line()
    {
        var mem = long.TryParse(Read("/proc/meminfo", @"^MemTotal:\s+(\d+)"), out var kb) ? FormattableString.Invariant($"{kb / 1024.0 / 1024.0:F1} GiB") : "?";
        return $"machine: {Environment.ProcessorCount} CPUs ({Read("/proc/cpuinfo", @"^model name\s*:\s*(.+)$")}), {mem} memory; {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
    }
}
