using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GrantPortal.Web.Features.OngoingProjects.Import;

public enum ImportState
{
    Queued,
    Running,
    Done,
    Failed,
}

// One import: the uploaded file (a temporary file), who started it, and its progress.
public sealed class ImportJob(Guid id, string path, ImportOptions options, int total, string owner, DateTimeOffset startedAt)
{
    public Guid Id { get; } = id;
    public string Path { get; } = path;
    public ImportOptions Options { get; } = options;
    public string Owner { get; } = owner;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public int Total { get; } = total;
    public volatile ImportState State = ImportState.Queued;
    public int Processed;
    public ImportReport? Report { get; set; }
}

// The import queue: IN MEMORY (a job registry keyed by id and a channel worked by one background
// loop, one import at a time). A restart of the application forgets queued jobs and reports;
// the imports themselves are transactional, so a job cut off by a restart wrote nothing.
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> log) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();
    private readonly Channel<ImportJob> queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ImportJob Enqueue(string path, ImportOptions options, int total, string owner, DateTimeOffset now)
    {
        var job = new ImportJob(Guid.CreateVersion7(), path, options, total, owner, now);
        jobs[job.Id] = job;
        queue.Writer.TryWrite(job);
        return job;
    }

    // A job is visible to the user who started it only.
    public ImportJob? Find(Guid id, string owner) => jobs.TryGetValue(id, out var job) && job.Owner == owner ? job : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            job.State = ImportState.Running;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<OngoingImporter>();
                await using var file = new FileStream(job.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
                job.Report = await importer.RunAsync(file, job.Options, n => Volatile.Write(ref job.Processed, n), stoppingToken);
                job.State = ImportState.Done;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Ongoing projects import {JobId} failed", job.Id);
                job.State = ImportState.Failed;
            }
            finally
            {
                try { File.Delete(job.Path); } catch (IOException) { }
            }
        }
    }

    public static string OwnerOf(Infrastructure.Authorization.ICurrentUser user) =>
        user.UserId?.ToString() ?? user.Principal.FindFirst("sub")?.Value ?? user.Name;
}
