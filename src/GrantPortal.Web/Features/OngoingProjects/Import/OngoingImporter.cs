using System.Globalization;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GrantPortal.Web.Features.OngoingProjects.Import;

public sealed record ImportOptions(ImportEncoding Encoding, bool GoodLinesOnly, Guid? UserId, string UserName);

public sealed record ImportLineError(int Line, string? Column, Error Error);

// Imported: false when nothing was written (bad lines without "good lines only").
public sealed record ImportReport(bool Imported, int Lines, int Created, int Updated, int Unchanged, int Refused, IReadOnlyList<ImportLineError> Errors, string Encoding);

// Imports a registry CSV in ONE transaction: every line is parsed and validated while it streams
// into a temporary table (binary COPY); then, unless a bad line refuses the whole file, the rows
// are upserted on (project code, document type, document number) with set-based SQL: new keys
// inserted, changed rows updated, equal rows left alone (so a re-import changes nothing). Every
// created or updated record gets its audit entry in the same transaction. Any failure or
// cancellation rolls everything back: nothing is ever half-written.
public sealed class OngoingImporter(AppDbContext db, TimeProvider clock, ILogger<OngoingImporter> log)
{
    public const int MaxReportedErrors = 1000;

    public static readonly string[] Columns =
    [
        "programme", "project_code", "project_title", "document_type", "document_number", "person_name",
        "role", "starts_on", "original_ends_on", "ends_on", "left_team_on",
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];

    // Counts the lines of the file (for the progress bar), without decoding it.
    public static async Task<int> CountLinesAsync(Stream stream, CancellationToken ct)
    {
        var bytes = new byte[64 * 1024];
        int read, count = 0;
        var last = (byte)'\n';
        while ((read = await stream.ReadAsync(bytes, ct)) > 0)
        {
            count += bytes.AsSpan(0, read).Count((byte)'\n');
            last = bytes[read - 1];
        }
        stream.Position = 0;
        return Math.Max(0, count + (last == '\n' ? 0 : 1) - 1);
    }

    public async Task<ImportReport> RunAsync(Stream stream, ImportOptions options, Action<int>? progress, CancellationToken ct)
    {
        var encoding = await CsvEncoding.DetectAsync(stream, options.Encoding, ct);
        var encodingName = encoding.CodePage == 65001 ? "UTF-8" : "GB18030";
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding.CodePage == 65001, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new CsvReader(text);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var tx = await conn.BeginTransactionAsync(ct);
            await Execute(conn, tx, """
                CREATE TEMP TABLE ongoing_import (
                  line int, programme text, project_code text, project_title text, document_type text, document_number text,
                  person_name text, role text, starts_on date, original_ends_on date, ends_on date, left_team_on date) ON COMMIT DROP
                """, ct);

            var errors = new List<ImportLineError>();
            var refused = 0;
            var lines = 0;
            var good = 0;
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            await using (var copy = await conn.BeginBinaryImportAsync(
                "COPY ongoing_import (line, programme, project_code, project_title, document_type, document_number, person_name, role, starts_on, original_ends_on, ends_on, left_team_on) FROM STDIN (FORMAT BINARY)", ct))
            {
                var header = await csv.ReadAsync(ct);
                if (header is null || !IsHeader(header))
                {
                    await copy.CloseAsync(ct);
                    await tx.RollbackAsync(ct);
                    return new ImportReport(false, 0, 0, 0, 0, 0, [new ImportLineError(1, null, Error.For("ONG-CSV-HEADER", null, ("columns", string.Join(",", Columns))))], encodingName);
                }
                while (await csv.ReadAsync(ct) is { } record)
                {
                    ct.ThrowIfCancellationRequested();
                    lines++;
                    var lineErrors = Validate(record, out var row);
                    if (row is not null)
                    {
                        var key = row.ProjectCode + "\u0001" + row.DocumentType + "\u0001" + row.DocumentNumber;
                        if (keys.TryGetValue(key, out var firstLine))
                            lineErrors.Add(new ImportLineError(record.Line, "project_code", Error.For("ONG-CSV-DUPLICATE", "project_code", ("line", firstLine))));
                        else keys[key] = record.Line;
                    }
                    if (lineErrors.Count > 0)
                    {
                        refused++;
                        foreach (var e in lineErrors) if (errors.Count < MaxReportedErrors) errors.Add(e);
                    }
                    else
                    {
                        good++;
                        await WriteAsync(copy, record.Line, row!, ct);
                    }
                    if (lines % 500 == 0) progress?.Invoke(lines);
                }
                progress?.Invoke(lines);
                if (refused > 0 && !options.GoodLinesOnly)
                {
                    await copy.CloseAsync(ct);
                    await tx.RollbackAsync(ct);
                    log.LogInformation("Ongoing projects import refused: {Refused} bad lines of {Lines}", refused, lines);
                    return new ImportReport(false, lines, 0, 0, 0, refused, errors, encodingName);
                }
                await copy.CompleteAsync(ct);
            }

            var (created, updated) = await UpsertAsync(conn, tx, options, ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Ongoing projects imported: {Created} created, {Updated} updated, {Unchanged} unchanged, {Refused} refused",
                created, updated, good - created - updated, refused);
            return new ImportReport(true, lines, created, updated, good - created - updated, refused, errors, encodingName);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool IsHeader(CsvReader.Record header) =>
        !header.Malformed && header.Fields.Count == Columns.Length
        && header.Fields.Select((f, i) => string.Equals(f.Trim().TrimStart('\uFEFF'), Columns[i], StringComparison.OrdinalIgnoreCase)).All(x => x);

    private static List<ImportLineError> Validate(CsvReader.Record record, out OngoingProject? row)
    {
        row = null;
        var errors = new List<ImportLineError>();
        if (record.Malformed)
        {
            errors.Add(new ImportLineError(record.Line, null, Error.For("ONG-CSV-MALFORMED")));
            return errors;
        }
        if (record.Fields.Count != Columns.Length)
        {
            errors.Add(new ImportLineError(record.Line, null, Error.For("ONG-CSV-COLUMNS", null, ("expected", Columns.Length), ("found", record.Fields.Count))));
            return errors;
        }
        string? Field(int i) => string.IsNullOrWhiteSpace(record.Fields[i]) ? null : record.Fields[i].Trim();
        var input = new OngoingProjectInput
        {
            Programme = Enum<Programme>(Field(0), "programme"),
            ProjectCode = Field(1),
            ProjectTitle = Field(2),
            DocumentType = Enum<IdentityDocumentType>(Field(3), "document_type"),
            DocumentNumber = Field(4),
            PersonName = Field(5),
            Role = Enum<OngoingRole>(Field(6), "role"),
            StartsOn = Date(Field(7), "starts_on"),
            OriginalEndsOn = Date(Field(8), "original_ends_on"),
            EndsOn = Date(Field(9), "ends_on"),
            LeftTeamOn = Date(Field(10), "left_team_on"),
        };
        var (candidate, rules) = OngoingProjectRules.Build(input, OngoingProjectId.New());
        foreach (var e in rules)
        {
            var column = ColumnOf(e.Field);
            // A value that could not be read was already reported as such.
            if (errors.Any(x => x.Column == column)) continue;
            errors.Add(new ImportLineError(record.Line, column, e with { Field = column }));
        }
        if (errors.Count == 0) row = candidate;
        return errors;

        T? Enum<T>(string? value, string column) where T : struct, System.Enum
        {
            if (value is null) return null;
            if (!char.IsAsciiDigit(value[0]) && System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
            errors.Add(new ImportLineError(record.Line, column, Error.For("ONG-CSV-VALUE", column, ("value", value))));
            return null;
        }

        DateOnly? Date(string? value, string column)
        {
            if (value is null) return null;
            if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            errors.Add(new ImportLineError(record.Line, column, Error.For("ONG-CSV-DATE", column, ("value", value))));
            return null;
        }
    }

    private static string? ColumnOf(string? field) => field switch
    {
        nameof(OngoingProject.Programme) => "programme",
        nameof(OngoingProject.ProjectCode) => "project_code",
        nameof(OngoingProject.ProjectTitle) => "project_title",
        nameof(OngoingProject.DocumentType) => "document_type",
        nameof(OngoingProject.DocumentNumber) => "document_number",
        nameof(OngoingProject.PersonName) => "person_name",
        nameof(OngoingProject.Role) => "role",
        nameof(OngoingProject.StartsOn) => "starts_on",
        nameof(OngoingProject.OriginalEndsOn) => "original_ends_on",
        nameof(OngoingProject.EndsOn) => "ends_on",
        nameof(OngoingProject.LeftTeamOn) => "left_team_on",
        _ => field,
    };

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, int line, OngoingProject p, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(line, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(p.Programme.ToString(), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.ProjectCode, NpgsqlDbType.Text, ct);
        if (p.ProjectTitle is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(p.ProjectTitle, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.DocumentType.ToString(), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.DocumentNumber, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.PersonName, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.Role.ToString(), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.StartsOn, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(p.OriginalEndsOn, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(p.EndsOn, NpgsqlDbType.Date, ct);
        if (p.LeftTeamOn is { } left) await copy.WriteAsync(left, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
    }

    // The fields an import sets, as (column of ongoing_projects, expression of the import row as text).
    private static readonly (string Column, string Field, bool IsDate)[] Fields =
    [
        ("Programme", "programme", false), ("ProjectCode", "project_code", false), ("ProjectTitle", "project_title", false),
        ("DocumentType", "document_type", false), ("DocumentNumber", "document_number", false), ("PersonName", "person_name", false),
        ("Role", "role", false), ("StartsOn", "starts_on", true), ("OriginalEndsOn", "original_ends_on", true),
        ("EndsOn", "ends_on", true), ("LeftTeamOn", "left_team_on", true),
    ];

    private static string Text(string expr, bool isDate) => isDate ? $"to_char({expr}, 'YYYY-MM-DD')" : $"{expr}::text";

    private async Task<(int Created, int Updated)> UpsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ImportOptions options, CancellationToken ct)
    {
        const string match = """o."ProjectCode" = t.project_code AND o."DocumentType" = t.document_type AND o."DocumentNumber" = t.document_number""";
        var mutable = Fields.Where(f => f.Column is not ("ProjectCode" or "DocumentType" or "DocumentNumber")).ToArray();
        var columns = string.Join(", ", Fields.Select(f => $"\"{f.Column}\""));
        var values = string.Join(", ", Fields.Select(f => "t." + f.Field));

        // Audit entries in the shape the AuditInterceptor writes: [{Field, Old, New}], nulls left out of an Added.
        var addedChanges = "(SELECT jsonb_agg(jsonb_build_object('Field', v.f, 'Old', NULL, 'New', v.n) ORDER BY v.i) FROM (VALUES (0, 'Id', i.\"Id\"::text), "
            + string.Join(", ", Fields.Select((f, k) => $"({k + 1}, '{f.Column}', {Text("i.\"" + f.Column + "\"", f.IsDate)})"))
            + ") v(i, f, n) WHERE v.n IS NOT NULL)";
        var modifiedChanges = "(SELECT jsonb_agg(jsonb_build_object('Field', v.f, 'Old', v.o, 'New', v.n) ORDER BY v.i) FROM (VALUES "
            + string.Join(", ", mutable.Select((f, k) => $"({k}, '{f.Column}', {Text("c.\"" + f.Column + "\"", f.IsDate)}, {Text("c." + f.Field, f.IsDate)})"))
            + ") v(i, f, o, n) WHERE v.o IS DISTINCT FROM v.n)";
        var audit = """INSERT INTO audit_entries ("Id", "At", "UserId", "UserName", "EntityType", "EntityId", "Action", "Changes") """;

        await using var batch = new NpgsqlBatch(conn, tx);
        var now = clock.GetUtcNow();
        // 1. The rows whose key exists with other values: old and new side by side.
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            CREATE TEMP TABLE ongoing_changed ON COMMIT DROP AS
            SELECT o.*, t.* FROM ongoing_import t JOIN ongoing_projects o ON {match}
            WHERE ({string.Join(", ", mutable.Select(f => $"o.\"{f.Column}\""))}) IS DISTINCT FROM ({string.Join(", ", mutable.Select(f => "t." + f.Field))})
            """));
        // 2. Their audit entries, then the update itself.
        batch.BatchCommands.Add(Parameters(new NpgsqlBatchCommand($"""
            {audit} SELECT gen_random_uuid(), $1, $2, $3, 'OngoingProject', c."Id"::text, 'Modified', {modifiedChanges} FROM ongoing_changed c
            """), now, options));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            UPDATE ongoing_projects o SET {string.Join(", ", mutable.Select(f => $"\"{f.Column}\" = c.{f.Field}"))}
            FROM ongoing_changed c WHERE o."Id" = c."Id"
            """));
        // 3. New keys: inserted, each with its audit entry.
        batch.BatchCommands.Add(Parameters(new NpgsqlBatchCommand($"""
            WITH i AS (
              INSERT INTO ongoing_projects ("Id", {columns})
              SELECT gen_random_uuid(), {values} FROM ongoing_import t
              WHERE NOT EXISTS (SELECT 1 FROM ongoing_projects o WHERE {match})
              RETURNING *)
            {audit} SELECT gen_random_uuid(), $1, $2, $3, 'OngoingProject', i."Id"::text, 'Added', {addedChanges} FROM i
            """), now, options));
        await batch.ExecuteNonQueryAsync(ct);
        return ((int)batch.BatchCommands[3].RecordsAffected, (int)batch.BatchCommands[2].RecordsAffected);
    }

    private static NpgsqlBatchCommand Parameters(NpgsqlBatchCommand command, DateTimeOffset now, ImportOptions options)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)options.UserId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = options.UserName, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    private static async Task Execute(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, conn, tx);
        await command.ExecuteNonQueryAsync(ct);
    }
}
