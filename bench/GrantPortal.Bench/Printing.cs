using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GrantPortal.Web.Features.PreProposals;
using GrantPortal.Web.Features.PreProposals.Edit;
using GrantPortal.Web.Features.PreProposals.Print;
using GrantPortal.Web.Infrastructure.Localization;

namespace GrantPortal.Bench;

public static partial class Printing
{
    public sealed record Result(IReadOnlyList<double> Millis, TimeSpan Wall, int Bytes, int Pages);

    // PreProposalPdf.Render, the renderer behind /PreProposals/Print, on a full submitted snapshot.
    public static Result RenderInProcess(int narrative, int indicators, int count)
    {
        var content = new DraftInput();
        Narrative.Fill(content, indicators, narrative, 5, 1);
        var unit = new SnapshotUnit(Guid.NewGuid(), "京华大学（示例）", "Jinghua University (demo)", "91110000MA01ABCD2X", false);
        var foreignUnit = new SnapshotUnit(Guid.NewGuid(), "德姆施塔特工业大学（示例）", "Technische Universität Demostadt (demo)", "DE VR-4711", true);
        var pi = new SnapshotPerson(Guid.NewGuid(), "张伟", "ZHANG Wei", "ResidentIdCard", "110105197503121234", unit.Name);
        var foreignLead = new SnapshotPerson(Guid.NewGuid(), "汉斯·穆勒", "Hans MÜLLER", "Passport", "C01X00T47", foreignUnit.Name);
        var submittedAt = TimeProvider.System.GetUtcNow();
        var snapshot = new SubmittedSnapshot(
            "DEMO-SIC-2026-000001", submittedAt, "DEMO-SIC", "政府间国际科技创新合作（示例）", "1", "新能源与储能技术合作",
            "新能源微电网关键技术国际合作研究", unit, pi, 8, [foreignUnit], [new SnapshotMember("ForeignLead", foreignLead)],
            36, 500m, null, content.Objectives!,
            [.. content.IndicatorAnswers.Select((a, i) => new SnapshotIndicator(i + 1, $"第{i + 1}项考核指标：形成可验证的技术成果与合作产出", a!))],
            content.Innovation!, content.TechnicalRoute!, content.ResearchBasis!, narrative,
            [.. new[] { "JointAgreement", "UnitIntegrity", "PiIntegrity", "IpAgreement", "CooperationProof", "ForeignLeadAppointment" }
                .Select(k => new SnapshotAttachment(k, k + ".pdf", 123_456, new string('a', 64), k == "JointAgreement" ? new DateOnly(2026, 11, 1) : null))],
            new SnapshotUnit(Guid.NewGuid(), "北京市科学技术委员会（示例）", null, "11110000000012345X", false), "张伟");
        var hash = SubmittedSnapshot.Sha256Hex(snapshot.ToCanonicalJson());
        var renderer = new PreProposalPdf(new Catalog());
        var culture = CultureInfo.GetCultureInfo("zh-CN");
        var verify = PrintPreProposalHandler.VerifyUrl("http://127.0.0.1", snapshot.SubmissionNumber, hash);

        byte[] bytes = [];
        for (var i = 0; i < 5; i++) bytes = renderer.Render(snapshot, hash, culture, verify);
        var millis = new List<double>(count);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = renderer.Render(snapshot, hash, culture, verify);
            millis.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new Result(millis, wall.Elapsed, bytes.Length, Pages(bytes));
    }

    public static async Task<Result> OverHttpAsync(Browser b, Guid id, int count, ConcurrentDictionary<string, int> failures, CancellationToken ct)
    {
        var url = $"/PreProposals/Print/{id}";
        var bytes = 0;
        var millis = new List<double>(count);
        var wall = Stopwatch.StartNew();
        for (var i = -3; i < count; i++) // three warm-up requests
        {
            if (i == 0) wall.Restart();
            var watch = Stopwatch.StartNew();
            using var response = await b.Http.GetAsync(url, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/pdf")
            {
                failures.AddOrUpdate("print " + (int)response.StatusCode, 1, (_, n) => n + 1);
                continue;
            }
            bytes = body.Length;
            if (i >= 0) millis.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new Result(millis, wall.Elapsed, bytes, 0);
    }

    private static int Pages(byte[] pdf) => PageObject().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
