using GrantPortal.Web.Infrastructure.Authorization;
using Mediator;

namespace GrantPortal.Web.Features.OngoingProjects.Import;

// Queues an import: the upload streams to a temporary file (never held in memory), its lines are
// counted for the progress bar, and the background queue takes it from there.
public sealed record StartImport(Stream File, ImportEncoding Encoding, bool GoodLinesOnly) : IRequest<ImportJob>;

public sealed class StartImportHandler(ImportJobs jobs, ICurrentUser user, TimeProvider clock, ILogger<StartImportHandler> log)
    : IRequestHandler<StartImport, ImportJob>
{
    public async ValueTask<ImportJob> Handle(StartImport request, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "gp-ongoing-" + Guid.NewGuid().ToString("N") + ".csv");
        int total;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
        {
            await request.File.CopyToAsync(file, ct);
            file.Position = 0;
            total = await OngoingImporter.CountLinesAsync(file, ct);
        }
        var options = new ImportOptions(request.Encoding, request.GoodLinesOnly, user.UserId, user.Name);
        var job = jobs.Enqueue(path, options, total, ImportJobs.OwnerOf(user), clock.GetUtcNow());
        log.LogInformation("Ongoing projects import {JobId} queued ({Lines} lines)", job.Id, total);
        return job;
    }
}
