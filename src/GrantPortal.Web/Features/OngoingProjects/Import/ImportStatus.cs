using GrantPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Features.OngoingProjects.Import;

public sealed record ImportErrorView(int Line, string? Column, string Code, string Message, IReadOnlyDictionary<string, string> Args);

public sealed record ImportReportView(bool Imported, int Lines, int Created, int Updated, int Unchanged, int Refused, string Encoding, IReadOnlyList<ImportErrorView> Errors);

// The JSON status the import page polls and the API answers.
public sealed record ImportStatus(Guid Id, string State, int Processed, int Total, ImportReportView? Report)
{
    public static ImportStatus From(ImportJob job, IStringLocalizer<Messages> l) => new(
        job.Id, job.State.ToString(), Math.Min(Volatile.Read(ref job.Processed), Math.Max(job.Total, Volatile.Read(ref job.Processed))), job.Total,
        job.Report is { } r
            ? new ImportReportView(r.Imported, r.Lines, r.Created, r.Updated, r.Unchanged, r.Refused, r.Encoding,
                r.Errors.Select(e => new ImportErrorView(e.Line, e.Column, e.Error.Code, l.Error(e.Error), e.Error.Args ?? new Dictionary<string, string>())).ToList())
            : null);
}
