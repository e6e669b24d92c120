using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace GrantPortal.Bench.Deadline;

public sealed record PgBenchResult(double Tps, double LatencyAverageMs, long Transactions, long Failed, string Command);

// The bare-insert baseline: pgbench, with as many clients as the app had, runs "an equivalent bare
// insert transaction" against the same PostgreSQL: one row shaped like a submitted pre-proposal
// (a copy of pre_proposals, same columns, indexes and constraints, ~3000-character narrative and a
// ~11 KB snapshot) plus its state-change row (a copy of application_transitions), in one
// transaction. No reads, no locks, no rules, no HTTP: the floor the submit path is measured against.
public static partial class PgBench
{
    private const string Script = """
        \set a random(1, 4000000000000000000)
        \set b random(1, 4000000000000000000)
        BEGIN;
        INSERT INTO bench_pre_proposals ("Id", "CallId", "DirectionId", "Title", "TitleKey", "LeadUnitId", "PiPersonId", "OwnerUserId", "DurationMonths", "RequestedBudget",
          "Objectives", "Innovation", "TechnicalRoute", "ResearchBasis", "PiMonthsPerYear", "State", "CreatedAt", "UpdatedAt", "RecommendingUnitId",
          "SubmissionNumber", "SubmittedAt", "ContentHash", "UnitIntegrityConfirmed", "SubmittedContent")
        SELECT md5(:a::bigint::text || '-' || :b::bigint::text)::uuid, c, d, '新能源微电网关键技术国际合作研究 ' || :a::bigint, '新能源微电网关键技术国际合作研究' || :a::bigint, u, p, p, 36, 500.00,
          repeat(md5(:b::bigint::text), 23), repeat(md5(:a::bigint::text), 23), repeat(md5((:a::bigint + 1)::text), 23), repeat(md5((:b::bigint + 1)::text), 23), 8, 'Submitted', now(), now(), u,
          'DEMO-SIC-' || upper(substr(md5(:a::bigint::text), 1, 8)) || '-' || upper(substr(md5(:b::bigint::text), 1, 8)), now(), md5(:a::bigint::text) || md5(:b::bigint::text), true,
          (SELECT string_agg(md5((:a::bigint + g)::text), '') FROM generate_series(1, 350) g)
        FROM bench_refs;
        INSERT INTO bench_transitions ("Id", "ProposalId", "From", "To", "At", "ByUserId", "ByName", "Reason")
        SELECT md5(:b::bigint::text || '-' || :a::bigint::text)::uuid, md5(:a::bigint::text || '-' || :b::bigint::text)::uuid, 'Complete', 'Submitted', now(), p, '京华大学科研院', 'Transition.Submitted'
        FROM bench_refs;
        COMMIT;
        """;

    // Scratch tables: copies of the real ones (columns, defaults, indexes), without foreign keys.
    public static async Task PrepareAsync(NpgsqlDataSource data, Guid call, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand($"""
            DROP TABLE IF EXISTS bench_transitions, bench_pre_proposals, bench_refs;
            CREATE TABLE bench_pre_proposals (LIKE pre_proposals INCLUDING ALL);
            CREATE TABLE bench_transitions (LIKE application_transitions INCLUDING ALL);
            CREATE TABLE bench_refs AS
              SELECT '{call}'::uuid AS c, (SELECT "Id" FROM guide_directions WHERE "CallId" = '{call}' LIMIT 1) AS d,
                     (SELECT "Id" FROM units LIMIT 1) AS u, (SELECT "Id" FROM people LIMIT 1) AS p;
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task DropAsync(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand("DROP TABLE IF EXISTS bench_transitions, bench_pre_proposals, bench_refs");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<PgBenchResult> RunAsync(string pgbench, NpgsqlConnectionStringBuilder cs, int clients, int seconds, CancellationToken ct)
    {
        var script = Path.Combine(Path.GetTempPath(), $"gp-deadline-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script, Script, ct);
        try
        {
            string[] args = ["-n", "-M", "extended", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script,
                "-h", cs.Host ?? "127.0.0.1", "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", cs.Database ?? "grantportal"];
            var start = new ProcessStartInfo(pgbench) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new BenchException("pgbench did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var output = await stdout + await stderr;
            if (process.ExitCode != 0) throw new BenchException($"pgbench exited with {process.ExitCode}:\n{output}");
            var tps = Tps().Match(output);
            if (!tps.Success) throw new BenchException("no tps in pgbench's output:\n" + output);
            double Num(Regex r) => r.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
            return new PgBenchResult(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), Num(Latency()),
                (long)Num(Processed()), Failed().Match(output) is { Success: true } f ? long.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                "pgbench " + string.Join(' ', args.Select(a => a == script ? "deadline-insert.sql" : a)));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();

    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex Processed();

    [GeneratedRegex(@"number of failed transactions: (\d+)")]
    private static partial Regex Failed();
}
