using System.Collections.Concurrent;
using System.Threading.Channels;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Calls;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Features.Eligibility;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Features.ExchangeCenter.Recheck;

public enum RecheckState
{
    Queued,
    Running,
    Done,
    Failed,
}

// The result of one application in one run: its findings (the verdict is the set of their keys).
public sealed record RecheckedApplication(
    ProposalId Id, string? SubmissionNumber, string Title, DirectionId DirectionId, IReadOnlyList<Finding> Findings)
{
    public IReadOnlySet<string> Verdict { get; } = Findings.Select(RecheckComparison.KeyOf).ToHashSet(StringComparer.Ordinal);
}

// One batch re-check of a call: progress while running, the results per application once done.
public sealed class RecheckJob(Guid id, CallId callId, int total, DateTimeOffset startedAt, IReadOnlyList<ProposalId> proposals)
{
    public Guid Id { get; } = id;
    public CallId CallId { get; } = callId;
    public int Total { get; } = total;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public IReadOnlyList<ProposalId> Proposals { get; } = proposals;
    public volatile RecheckState State = RecheckState.Queued;
    public int Processed;
    public DateTimeOffset? FinishedAt { get; set; }
    // The order in which runs completed (the fake clock of the tests may give two runs the same instant).
    public long Completed { get; set; }
    public IReadOnlyList<RecheckedApplication>? Results { get; set; }
    // The run this one was compared with; null: compared with what submission guaranteed (no blocking finding).
    public RecheckJob? Previous { get; set; }
    public RecheckComparison? Comparison { get; set; }
}

// The re-check queue: IN MEMORY, like the ongoing-projects import (ImportJobs): a registry of runs
// keyed by id and a channel worked by one background loop. The verdicts of earlier runs live here
// too (no schema change): a restart forgets them, and the next run of a call is then compared with
// "no blocking findings", which is what submission guaranteed.
public sealed class RecheckJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecheckJobs> log) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, RecheckJob> jobs = new();
    private long completed;
    private readonly Channel<RecheckJob> queue = Channel.CreateUnbounded<RecheckJob>(new UnboundedChannelOptions { SingleReader = true });

    public RecheckJob Enqueue(CallId call, IReadOnlyList<ProposalId> proposals, DateTimeOffset now)
    {
        var job = new RecheckJob(Guid.CreateVersion7(), call, proposals.Count, now, proposals);
        jobs[job.Id] = job;
        queue.Writer.TryWrite(job);
        return job;
    }

    public RecheckJob? Find(Guid id) => jobs.TryGetValue(id, out var job) ? job : null;

    // The latest completed run of the call other than `except`.
    public RecheckJob? LastCompleted(CallId call, Guid? except = null) =>
        jobs.Values.Where(j => j.CallId == call && j.State == RecheckState.Done && j.Id != except)
            .MaxBy(j => j.Completed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            job.State = RecheckState.Running;
            try
            {
                job.Results = await RunAsync(job, stoppingToken);
                job.Previous = LastCompleted(job.CallId, job.Id);
                job.Comparison = RecheckComparison.Compare(job.Results, job.Previous?.Results);
                job.FinishedAt = clock.GetUtcNow();
                job.Completed = Interlocked.Increment(ref completed);
                job.State = RecheckState.Done;
                log.LogInformation("Re-check {JobId} of call {CallId} done: {Count} applications, {Changed} changed",
                    job.Id, job.CallId, job.Total, job.Comparison.Changed.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Re-check {JobId} failed", job.Id);
                job.State = RecheckState.Failed;
            }
        }
    }

    // Chunks of applications loaded, checked and reported at a time (the progress bar moves per chunk).
    public const int ChunkSize = 500;

    // Set-based (EligibilityBatch): the call's data in a few queries, then every application's input
    // built in memory. Per application (EligibilityInputLoader) it took about a dozen queries each.
    private async Task<IReadOnlyList<RecheckedApplication>> RunAsync(RecheckJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var results = new List<RecheckedApplication>(job.Total);
        // One snapshot of the call for the whole run: every application is checked against the same
        // registry and the same set of other applications.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == job.CallId, ct);
        var batch = await EligibilityBatch.LoadAsync(db, call, ct);
        var now = clock.GetUtcNow();
        foreach (var chunk in job.Proposals.Chunk(ChunkSize))
        {
            var loaded = (await EligibilityBatch.ProposalsAsync(db, chunk, ct)).ToDictionary(x => x.Proposal.Id);
            foreach (var id in chunk)
            {
                // Withdrawn (or gone) since the run was queued: no longer in the call.
                if (loaded.TryGetValue(id, out var x) && x.Proposal.State.IsInCall())
                {
                    var p = x.Proposal;
                    // As at submission: checked as of its submission day.
                    var input = batch.Build(p, x.Attachments, BeijingTime.Today(p.SubmittedAt ?? now), p.RecommendingUnitId);
                    results.Add(new RecheckedApplication(p.Id, p.SubmissionNumber, p.Title, p.DirectionId, RuleSet.Run(input)));
                }
            }
            Interlocked.Add(ref job.Processed, chunk.Length);
        }
        await tx.CommitAsync(ct);
        return results;
    }
}
