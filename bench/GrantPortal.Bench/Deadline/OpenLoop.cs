using System.Collections.Concurrent;
using System.Diagnostics;

namespace GrantPortal.Bench.Deadline;

// Arrivals at a fixed rate, as submissions come in from many independent lead units: each one
// starts at its scheduled instant on its own request, whether or not earlier ones were answered,
// and its latency counts from that instant (a late start is the system's delay too: no coordinated
// omission). The closed loop above measures the most the machine can do; this measures the
// latency at a given arrival rate, and so the rate up to which p99 stays under the target.
public static class OpenLoop
{
    public static async Task<SubmitRun> RunAsync(HttpClient http, IReadOnlyList<PreparedDraft> drafts, double perSecond, Guid recommendingUnit, CancellationToken ct)
    {
        var results = new ConcurrentBag<Submitted>();
        var tasks = new List<Task>(drafts.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < drafts.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var draft = drafts[i];
            tasks.Add(Task.Run(async () =>
            {
                var late = (clock.Elapsed - due).TotalMilliseconds;
                var r = await Submitters.SubmitAsync(http, draft, recommendingUnit, ct);
                results.Add(r with { Millis = r.Millis + late });
            }, ct));
        }
        await Task.WhenAll(tasks);
        clock.Stop();
        return new SubmitRun([.. results], clock.Elapsed);
    }
}
