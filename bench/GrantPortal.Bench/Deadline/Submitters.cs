using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantPortal.Domain.Eligibility;

namespace GrantPortal.Bench.Deadline;

public enum SubmitOutcome
{
    Accepted,
    RefusedByRule,
    Error,
}

public sealed record Submitted(PreparedDraft Draft, SubmitOutcome Outcome, double Millis, int Status, IReadOnlyList<string> Codes);

public sealed record SubmitRun(IReadOnlyList<Submitted> Results, TimeSpan Wall)
{
    public IEnumerable<Submitted> Of(SubmitOutcome o) => Results.Where(r => r.Outcome == o);
}

// N clients (one HTTP connection each, closed loop, no think time) each submit their own prepared
// drafts one after another through POST /api/v1/pre-proposals/{id}/submit, all clients at once.
// Every submission runs the whole rule set of the call inside the submit transaction.
public static class Submitters
{
    public static async Task<SubmitRun> RunAsync(HttpClient[] clients, PreparedDraft[][] drafts, int first, int count, Guid recommendingUnit, CancellationToken ct)
    {
        var results = new ConcurrentBag<Submitted>();
        // Start together: every client is ready before the first request goes out.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wall = new Stopwatch();
        var tasks = Enumerable.Range(0, clients.Length).Select(c => Task.Run(async () =>
        {
            await start.Task;
            for (var j = first; j < first + count; j++)
                results.Add(await SubmitAsync(clients[c], drafts[c][j], recommendingUnit, ct));
        }, ct)).ToList();
        wall.Start();
        start.SetResult();
        await Task.WhenAll(tasks);
        wall.Stop();
        return new SubmitRun([.. results], wall.Elapsed);
    }

    public static async Task<Submitted> SubmitAsync(HttpClient http, PreparedDraft draft, Guid recommendingUnit, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pre-proposals/{draft.Id}/submit")
        {
            Content = JsonContent.Create(new { recommendingUnitId = recommendingUnit, unitIntegrityConfirmed = true }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        await request.Content.LoadIntoBufferAsync(ct);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            watch.Stop();
            if (response.StatusCode == HttpStatusCode.OK) return new(draft, SubmitOutcome.Accepted, watch.Elapsed.TotalMilliseconds, 200, []);
            var codes = Codes(body);
            // Refused by a rule: 400 and every code is a rule's (FOREIGN-LEAD-QUALIFICATION and the
            // like are rules' codes too: they start with the rule id).
            var byRule = response.StatusCode == HttpStatusCode.BadRequest && codes.Count > 0
                && codes.All(code => RuleSet.Ids.Any(id => code.StartsWith(id, StringComparison.Ordinal)));
            return new(draft, byRule ? SubmitOutcome.RefusedByRule : SubmitOutcome.Error, watch.Elapsed.TotalMilliseconds, (int)response.StatusCode, codes);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new(draft, SubmitOutcome.Error, watch.Elapsed.TotalMilliseconds, 0, [e.GetType().Name]);
        }
    }

    private static List<string> Codes(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // What must hold of every run (closed loop, open loop, in process): no error, no refusal of a
    // draft meant to pass, exactly one winner per race. The problems go to `errors`, each prefixed
    // with the run's name; the counts are returned for the printed lines.
    public static (int Failed, int Unexpected, int Broken) Check(IReadOnlyCollection<Submitted> results, string run, List<string> errors)
    {
        var failed = results.Where(r => r.Outcome == SubmitOutcome.Error).ToList();
        // Drafts that should pass and did not, or should have lost a race and did not.
        var unexpected = results.Where(r => r.Draft.Pair == 0 && r.Outcome == SubmitOutcome.RefusedByRule).ToList();
        var races = CheckRaces(results);
        foreach (var r in failed.Take(5)) errors.Add($"{run}: submission {r.Draft.Id}: {r.Status} {string.Join(",", r.Codes)}");
        foreach (var r in unexpected.Take(5)) errors.Add($"{run}: unexpected refusal of {r.Draft.Id}: {r.Status} {string.Join(",", r.Codes)}");
        errors.AddRange(races.Take(5).Select(race => $"{run}: {race}"));
        if (failed.Count + unexpected.Count + races.Count > 15) errors.Add($"{run}: ... {failed.Count} errors, {unexpected.Count} unexpected refusals, {races.Count} broken races in all");
        return (failed.Count, unexpected.Count, races.Count);
    }

    // The races: in every pair exactly one submission is accepted and the other refused by the
    // pair's rule. Returns the pairs that broke that (both accepted: a limit did not hold).
    public static IReadOnlyList<string> CheckRaces(IEnumerable<Submitted> results)
    {
        var problems = new List<string>();
        foreach (var pair in results.Where(r => r.Draft.Pair > 0).GroupBy(r => r.Draft.Pair))
        {
            var list = pair.ToList();
            if (list.Count != 2) continue;
            var accepted = list.Count(r => r.Outcome == SubmitOutcome.Accepted);
            var loser = list.FirstOrDefault(r => r.Outcome != SubmitOutcome.Accepted);
            if (accepted != 1 || loser is null || !loser.Codes.Contains(list[0].Draft.ExpectedRule!))
                problems.Add($"pair {pair.Key} ({list[0].Draft.ExpectedRule}): {string.Join(" / ", list.Select(r => $"{r.Status} {string.Join(",", r.Codes)}"))}");
        }
        return problems;
    }
}
