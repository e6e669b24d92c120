using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Registries;
using Npgsql;

namespace GrantPortal.Bench.Deadline;

public sealed record JobTiming(TimeSpan Elapsed, int Total, string State, string Detail);

// The two batch jobs of issue 5, through their real entry points in the running app: the re-check
// started by Exchange Center staff on /ExchangeCenter/Recheck (the page polls ?handler=Status), and
// the registry CSV import through POST /api/v1/ongoing-projects/import (polled at its Location).
public static partial class BatchJobs
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static async Task<JobTiming> RecheckAsync(Browser staff, Guid callId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var response = await staff.PostFormAsync("/ExchangeCenter/Recheck", new Dictionary<string, string> { ["CallId"] = callId.ToString() }, ct: ct);
        var job = JobId().Match(response.Headers.Location?.OriginalString ?? "");
        if (response.StatusCode != HttpStatusCode.Redirect || !job.Success)
            throw new BenchException($"starting the re-check answered {(int)response.StatusCode} {response.Headers.Location}");
        while (true)
        {
            var status = await staff.Http.GetFromJsonAsync<JsonElement>($"/ExchangeCenter/Recheck?handler=Status&job={job.Groups[1].Value}", Drafts.Json, ct);
            var state = status.GetProperty("state").GetString()!;
            if (state is "Done" or "Failed")
            {
                watch.Stop();
                // The result page: the verdicts that changed and the chart (rendered once, not timed).
                var page = await staff.GetHtmlAsync($"/ExchangeCenter/Recheck?job={job.Groups[1].Value}", ct);
                return new JobTiming(watch.Elapsed, status.GetProperty("total").GetInt32(), state, $"result page {page.Length / 1024} KiB");
            }
            await Task.Delay(Poll, ct);
        }
    }

    public static async Task<JobTiming> ImportAsync(HttpClient staffApi, string csvPath, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var file = File.OpenRead(csvPath);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await staffApi.PostAsync("/api/v1/ongoing-projects/import?encoding=Utf8", content, ct);
        if (response.StatusCode != HttpStatusCode.Accepted || response.Headers.Location is not { } location)
            throw new BenchException($"the import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        while (true)
        {
            var status = await staffApi.GetFromJsonAsync<JsonElement>(location, Drafts.Json, ct);
            var state = status.GetProperty("state").GetString()!;
            if (state is "Done" or "Failed")
            {
                watch.Stop();
                var detail = status.TryGetProperty("report", out var r) && r.ValueKind == JsonValueKind.Object
                    ? $"imported={r.GetProperty("imported").GetBoolean()} created={r.GetProperty("created").GetInt32()} updated={r.GetProperty("updated").GetInt32()} unchanged={r.GetProperty("unchanged").GetInt32()} refused={r.GetProperty("refused").GetInt32()}"
                    : "no report";
                return new JobTiming(watch.Elapsed, status.GetProperty("total").GetInt32(), state, detail);
            }
            await Task.Delay(Poll, ct);
        }
    }

    // A registry export as the Exchange Center receives it: every record already held (one in ten
    // with an extension of its execution period), then new records for people of the registry,
    // up to `lines` lines, UTF-8 with BOM.
    public static async Task<string> WriteCsvAsync(NpgsqlDataSource data, int lines, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gp-deadline-ongoing-{Environment.ProcessId}.csv");
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        await writer.WriteAsync("programme,project_code,project_title,document_type,document_number,person_name,role,starts_on,original_ends_on,ends_on,left_team_on\r\n");
        var written = 0;
        await using (var cmd = data.CreateCommand("""
            SELECT "Programme", "ProjectCode", "ProjectTitle", "DocumentType", "DocumentNumber", "PersonName", "Role", "StartsOn", "OriginalEndsOn", "EndsOn", "LeftTeamOn"
            FROM ongoing_projects ORDER BY "ProjectCode", "DocumentNumber"
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (written < lines && await r.ReadAsync(ct))
            {
                var ends = r.GetFieldValue<DateOnly>(9);
                if (written % 10 == 0) ends = ends.AddMonths(6);
                await Line(writer, r.GetString(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetFieldValue<DateOnly>(7), r.GetFieldValue<DateOnly>(8), ends, r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10));
                written++;
            }
        }
        var people = new List<(string Type, string Number, string Name)>();
        await using (var cmd = data.CreateCommand("SELECT \"DocumentType\", \"DocumentNumber\", \"Name\" FROM people ORDER BY \"Id\""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) people.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        var rng = new Random(42);
        for (var p = 0; written < lines; p++)
        {
            var starts = new DateOnly(2018, 1, 1).AddDays(rng.Next(3 * 365));
            var originalEnd = starts.AddYears(3 + rng.Next(3)).AddDays(-1);
            var team = new HashSet<int>();
            for (var k = 0; k < 5 && written < lines; k++, written++)
            {
                int who;
                do who = rng.Next(people.Count); while (!team.Add(who));
                var person = people[who];
                var role = k switch { 0 => OngoingRole.ProjectLeader, 1 => OngoingRole.TaskLeader, _ => OngoingRole.KeyMember };
                // Some exports carry a comma in the title: quoted, as RFC 4180 says.
                await Line(writer, nameof(Programme.NationalKeyRd), $"{starts.Year}YFE{p:D7}", $"\"国际合作项目{p}, 二期\"", person.Type, person.Number, person.Name,
                    role.ToString(), starts, originalEnd, originalEnd, null);
            }
        }
        return path;
    }

    private static Task Line(StreamWriter w, string programme, string code, string title, string type, string number, string name, string role,
        DateOnly starts, DateOnly originalEnd, DateOnly ends, DateOnly? left) =>
        w.WriteAsync($"{programme},{code},{title},{type},{number},{name},{role},{starts:yyyy-MM-dd},{originalEnd:yyyy-MM-dd},{ends:yyyy-MM-dd},{left:yyyy-MM-dd}\r\n");

    [GeneratedRegex("job=([0-9a-f-]{36})")]
    private static partial Regex JobId();
}
