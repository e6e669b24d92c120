using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Localization;

namespace GrantPortal.Web.Tests.Localization;

// Every message exists in both languages with the same placeholders, and every code the code
// base renders (L["..."] in pages, error codes of the domain and the handlers) is in the catalog.
public sealed partial class CatalogTests
{
    private static readonly Catalog Catalog = new();

    [Fact]
    public void EveryCode_HasBothLanguages_WithTheSamePlaceholders()
    {
        var problems = new List<string>();
        foreach (var (code, texts) in Catalog.All)
        {
            foreach (var culture in Catalog.Cultures)
            {
                if (!texts.TryGetValue(culture, out var text) || string.IsNullOrWhiteSpace(text)) problems.Add($"{code}: no {culture} text");
            }
            if (texts.TryGetValue("zh-CN", out var zh) && texts.TryGetValue("en", out var en))
            {
                var a = Placeholders(zh);
                var b = Placeholders(en);
                if (!a.SetEquals(b)) problems.Add($"{code}: placeholders differ ({string.Join(",", a)} vs {string.Join(",", b)})");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ChineseTexts_AreChinese()
    {
        // A zh-CN text identical to its English text is almost always an untranslated copy.
        var copies = Catalog.All
            .Where(kv => kv.Value.TryGetValue("zh-CN", out var zh) && kv.Value.TryGetValue("en", out var en) && zh == en && HasLetters(en))
            .Select(kv => kv.Key).ToList();
        Assert.True(copies.Count == 0, "Untranslated: " + string.Join(", ", copies));
    }

    [Fact]
    public void EveryCodeUsedInSource_IsInTheCatalog()
    {
        var root = RepositoryRoot();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text)) Check(m.Groups[1].Value, file);
            foreach (Match m in ErrorCode().Matches(text)) Check(m.Groups[1].Value, file);
        }
        Assert.True(missing.Count == 0, "Codes missing from Resources/*.json:" + Environment.NewLine + string.Join(Environment.NewLine, missing));

        void Check(string code, string file)
        {
            if (!Catalog.Contains(code)) missing.Add($"{code} ({Path.GetRelativePath(root, file)})");
        }
    }

    [Fact]
    public void MissingCode_RendersVisibly()
    {
        Assert.Equal("[[No.Such.Code]]", Catalog.Text("No.Such.Code", new System.Globalization.CultureInfo("en")));
    }

    [Fact]
    public void NamedPlaceholders_AreFilled()
    {
        var catalog = new Catalog(new() { ["X"] = new() { ["zh-CN"] = "还差 {days} 天", ["en"] = "{days} days to go" } });
        Assert.Equal("12 days to go", catalog.Text("X", new System.Globalization.CultureInfo("en"), new Dictionary<string, string> { ["days"] = "12" }));
        Assert.Equal("还差 12 天", catalog.Text("X", new System.Globalization.CultureInfo("zh-CN"), new Dictionary<string, string> { ["days"] = "12" }));
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static bool HasLetters(string text) => text.Any(char.IsLetter) && text.Length > 3;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrantPortal.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GrantPortal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();

    // L["Code"] and L["Code", ...] with a literal code.
    [GeneratedRegex(@"\bL\[""([A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9])""\s*[\],]")]
    private static partial Regex LocalizerKey();

    // Error codes written as literals, such as "CALL-WINDOW", "REG-USCC-FORMAT". (Rule ids of the
    // eligibility rules join this list with their findings, issue 5; their titles are Rule.<ID>.)
    [GeneratedRegex(@"""((?:REG|CALL|ACC|API|OIDC|USER|AUDIT|PRE|APP|DOC|LOCK|DIRECTION|ATT)-[A-Z0-9\-]+)""")]
    private static partial Regex ErrorCode();
}
