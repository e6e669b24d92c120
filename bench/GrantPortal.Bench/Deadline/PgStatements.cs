using System.Globalization;
using Npgsql;

namespace GrantPortal.Bench.Deadline;

// Opt-in (GP_BENCH_PG_STATS=1 bench/run deadline): PostgreSQL's own account of the submissions,
// from pg_stat_statements (bench/run preloads it). Reset before the measured submissions, read
// after them: per statement, calls per submission and server time per submission, the biggest
// first. A diagnosis aid, not a figure of the targets.
public static class PgStatements
{
    public static async Task<bool> ResetAsync(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var show = data.CreateCommand("SHOW shared_preload_libraries");
        if (!((string?)await show.ExecuteScalarAsync(ct) ?? "").Contains("pg_stat_statements", StringComparison.Ordinal)) return false;
        await using var cmd = data.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();");
        await cmd.ExecuteNonQueryAsync(ct);
        return true;
    }

    public static async Task PrintAsync(NpgsqlDataSource data, int submissions, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand("""
            SELECT calls, total_exec_time, total_plan_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time + total_plan_time DESC LIMIT 30
            """);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        Console.WriteLine(FormattableString.Invariant($"pg_stat_statements over {submissions} submissions (per submission: calls, rows, server ms exec+plan; the biggest first):"));
        double sum = 0;
        while (await reader.ReadAsync(ct))
        {
            var calls = reader.GetInt64(0);
            var ms = reader.GetDouble(1) + reader.GetDouble(2);
            sum += ms;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(double)calls / submissions,6:F2} calls {(double)reader.GetInt64(3) / submissions,8:F1} rows {ms / submissions,7:F3} ms  {reader.GetString(4)}"));
        }
        Console.WriteLine(FormattableString.Invariant($"  top 30 statements: {sum / submissions:F2} ms of server time per submission"));
    }
}
