using GrantPortal.Domain.Applications;
using GrantPortal.Web.Features.PreProposals.Edit;

namespace GrantPortal.Bench;

// A full narrative: exactly `total` characters by PRE-LENGTH (the call's limit, 3000), Chinese
// text over the four sections plus short answers to the direction's indicators. No whitespace,
// so every char is one counted grapheme.
public static class Narrative
{
    private static readonly string[] Phrases =
    [
        "本项目面向新能源微电网的关键技术需求，", "联合德方合作单位开展多时间尺度协调控制研究，", "研制兆瓦级储能示范样机，",
        "建立源网荷储一体化仿真平台，", "形成国际标准提案两项，", "培养青年科研骨干十名，", "发表高水平论文二十篇，",
        "申请发明专利八项，", "在示范园区完成连续运行验证，", "显著提升可再生能源消纳比例。", "项目团队长期从事电力电子与储能研究，",
        "已承担国家级科研项目多项，", "双方互访交流频繁，合作基础扎实。", "技术路线包括理论建模、仿真验证、样机研制和示范应用四个阶段，",
        "各阶段设置明确的考核指标与里程碑。",
    ];

    public static string Text(int length, int seed)
    {
        var sb = new System.Text.StringBuilder(length + 64);
        for (var i = seed; sb.Length < length; i++) sb.Append(Phrases[i % Phrases.Length]);
        return sb.ToString(0, length);
    }

    // Fills the content's narrative to `total`; `stamp` changes a few characters (each save differs
    // from the last, as a typed keystroke would) without changing the count.
    public static void Fill(DraftInput content, int indicatorCount, int total, int seed, int stamp)
    {
        content.IndicatorAnswers = [.. Enumerable.Range(1, indicatorCount).Select(i => (string?)$"第{i}项指标的实现方案：按期完成样机研制并通过第三方测试。")];
        var rest = total - NarrativeLength.Count(content.IndicatorAnswers);
        var quarter = rest / 4;
        content.Objectives = Text(quarter, seed);
        content.Innovation = Text(quarter, seed + 3);
        content.TechnicalRoute = Text(quarter, seed + 7);
        var basis = Text(rest - 3 * quarter, seed + 11);
        var mark = "第" + stamp.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "版。";
        content.ResearchBasis = basis[..^mark.Length] + mark;
        var count = NarrativeLength.Count([content.Objectives, content.Innovation, content.TechnicalRoute, content.ResearchBasis, .. content.IndicatorAnswers]);
        if (count != total) throw new BenchException($"narrative counts {count}, not {total}");
    }
}
