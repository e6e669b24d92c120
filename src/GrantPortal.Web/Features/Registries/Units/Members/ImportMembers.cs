using System.Globalization;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Features.OngoingProjects.Import;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Unit = GrantPortal.Domain.Registries.Unit;

namespace GrantPortal.Web.Features.Registries.Units.Members;

// Imports the member list of an association or alliance from CSV (UTF-8 with or without BOM, or
// GB18030, as real exports come): a header naming the columns social_credit_code, from, until (any
// order; other columns such as a unit name are ignored), one member unit a line. Like the
// ongoing-projects import, a file with any bad line imports nothing unless the admin chooses the
// good lines only; everything is written in one transaction; a member already listed gets the
// file's dates, so re-importing the same file changes nothing. Member lists are small (hundreds):
// the import runs within the request.
public sealed record ImportMembers(UnitId RecommendingUnitId, Stream Csv, ImportEncoding Encoding, bool GoodLinesOnly) : IRequest<MemberImportResult>;

public sealed record MemberImportLine(int Line, Error Error);

public sealed record MemberImportReport(bool Imported, int Lines, int Created, int Updated, int Unchanged, int Refused, IReadOnlyList<MemberImportLine> Errors, string Encoding);

public sealed record MemberImportResult(SaveStatus Status, MemberImportReport? Report, IReadOnlyList<Error> Errors);

public sealed class ImportMembersHandler(AppDbContext db, ICurrentUser user, ILogger<ImportMembersHandler> log) : IRequestHandler<ImportMembers, MemberImportResult>
{
    public static readonly string[] Columns = ["social_credit_code", "from", "until"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];

    public async ValueTask<MemberImportResult> Handle(ImportMembers request, CancellationToken ct)
    {
        if (!RegistryScope.IsAdmin(user)) return new(SaveStatus.NotFound, null, [Error.For("REG-NOT-FOUND")]);
        var list = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.RecommendingUnitId, ct);
        if (list is null) return new(SaveStatus.NotFound, null, [Error.For("REG-NOT-FOUND")]);
        if (!UnitMembership.HasMemberList(list.Kind)) return new(SaveStatus.Invalid, null, [Error.For("Membership.NotAList")]);

        var encoding = await CsvEncoding.DetectAsync(request.Csv, request.Encoding, ct);
        var encodingName = encoding.CodePage == 65001 ? "UTF-8" : "GB18030";
        using var text = new StreamReader(request.Csv, encoding, detectEncodingFromByteOrderMarks: encoding.CodePage == 65001, leaveOpen: true);
        var csv = new CsvReader(text);

        var header = await csv.ReadAsync(ct);
        var names = header?.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList() ?? [];
        var index = Columns.ToDictionary(c => c, c => names.IndexOf(c));
        if (header is null || header.Malformed || index["social_credit_code"] < 0)
            return Done(new MemberImportReport(false, 0, 0, 0, 0, 0, [new(1, Error.For("Membership.CsvHeader", null, ("columns", string.Join(",", Columns))))], encodingName));

        var codes = await db.Units.AsNoTracking().Where(u => u.SocialCreditCode != null).ToDictionaryAsync(u => u.SocialCreditCode!, ct);
        var existing = await db.UnitMemberships.Where(m => m.RecommendingUnitId == list.Id).ToDictionaryAsync(m => m.MemberUnitId, ct);
        var errors = new List<MemberImportLine>();
        var good = new List<(int Line, Unit Member, DateOnly? From, DateOnly? Until)>();
        var seen = new Dictionary<UnitId, int>();
        var lines = 0;
        while (await csv.ReadAsync(ct) is { } record)
        {
            lines++;
            if (record.Malformed) { errors.Add(new(record.Line, Error.For("Membership.CsvMalformed"))); continue; }
            string Field(string column) => index[column] is var i && i >= 0 && i < record.Fields.Count ? record.Fields[i].Trim() : "";
            var lineErrors = new List<Error>();
            var from = Date(Field("from"), "From", lineErrors);
            var until = Date(Field("until"), "Until", lineErrors);
            var code = RegistryScope.Code(Field("social_credit_code"));
            Unit? member = null;
            if (code is null) lineErrors.Add(Error.For("Membership.CodeRequired", nameof(MemberInput.SocialCreditCode)));
            else if (SocialCreditCode.Validate(code, nameof(MemberInput.SocialCreditCode)) is { } invalid) lineErrors.Add(invalid);
            else if (!codes.TryGetValue(code, out member)) lineErrors.Add(Error.For("Membership.UnitUnknown", nameof(MemberInput.SocialCreditCode), ("code", code)));
            else if (member.Id == list.Id || member.Kind.IsRecommending() || member.Kind == UnitKind.ExchangeCenter)
                lineErrors.Add(Error.For("Membership.NotAMember", nameof(MemberInput.SocialCreditCode), ("unit", member.Name)));
            else if (seen.TryGetValue(member.Id, out var first))
                lineErrors.Add(Error.For("Membership.CsvRepeated", nameof(MemberInput.SocialCreditCode), ("line", first)));
            if (from is { } f && until is { } u && u < f) lineErrors.Add(Error.For("Membership.DatesOrder", nameof(MemberInput.Until)));
            if (lineErrors.Count > 0) { errors.AddRange(lineErrors.Select(e => new MemberImportLine(record.Line, e))); continue; }
            seen[member!.Id] = record.Line;
            good.Add((record.Line, member, from, until));
        }
        var refused = errors.Select(e => e.Line).Distinct().Count();
        if (refused > 0 && !request.GoodLinesOnly)
            return Done(new MemberImportReport(false, lines, 0, 0, 0, refused, errors, encodingName));

        int created = 0, updated = 0, unchanged = 0;
        foreach (var (_, member, from, until) in good)
        {
            if (existing.TryGetValue(member.Id, out var row))
            {
                if (row.From == from && row.Until == until) { unchanged++; continue; }
                row.From = from;
                row.Until = until;
                updated++;
            }
            else
            {
                db.UnitMemberships.Add(new UnitMembership { RecommendingUnitId = list.Id, MemberUnitId = member.Id, From = from, Until = until });
                created++;
            }
        }
        // One SaveChanges: one transaction, nothing half-written. An admin editing the list at the
        // same instant makes it fail as a whole (a concurrency or unique-key error), never mixed.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new(SaveStatus.Conflict, null, [Error.For("REG-CONFLICT")]);
        }
        log.LogInformation("Members of {UnitId} imported: {Created} created, {Updated} updated, {Refused} lines refused", list.Id, created, updated, refused);
        return Done(new MemberImportReport(true, lines, created, updated, unchanged, refused, errors, encodingName));
    }

    private static MemberImportResult Done(MemberImportReport report) => new(SaveStatus.Saved, report, []);

    private static DateOnly? Date(string value, string field, List<Error> errors)
    {
        if (value.Length == 0) return null;
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(Error.For("Membership.CsvDate", field, ("value", value)));
        return null;
    }
}
