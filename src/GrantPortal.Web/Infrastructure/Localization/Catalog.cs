using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GrantPortal.Web.Infrastructure.Localization;

// The message catalog: every text of the UI, the API and the mails, keyed by code, in zh-CN and
// English. One JSON file per area under Resources/ ({"Code": {"zh-CN": "...", "en": "..."}}), so
// that both languages of a message sit side by side and areas don't collide in one file.
// Placeholders are named: {days}. A missing text renders as [[Code]] so that tests catch it.
public sealed partial class Catalog
{
    public static readonly IReadOnlyList<string> Cultures = ["zh-CN", "en"];
    public const string DefaultCulture = "zh-CN";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    public Catalog() : this(LoadEmbedded()) { }

    public Catalog(Dictionary<string, Dictionary<string, string>> texts) =>
        _texts = texts.ToFrozenDictionary(k => k.Key, v => v.Value.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FrozenDictionary<string, string>> All => _texts;

    public bool Contains(string code) => _texts.ContainsKey(code);

    public string? Find(string code, CultureInfo culture)
    {
        if (!_texts.TryGetValue(code, out var byCulture)) return null;
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (byCulture.TryGetValue(c.Name, out var text)) return text;
        }
        return byCulture.TryGetValue(DefaultCulture, out var fallback) ? fallback : null;
    }

    public string Text(string code, CultureInfo culture, IReadOnlyDictionary<string, string>? args = null)
    {
        var text = Find(code, culture);
        if (text is null) return $"[[{code}]]";
        return args is null || args.Count == 0 ? text : Fill(text, args);
    }

    public static string Fill(string text, IReadOnlyDictionary<string, string> args) =>
        Placeholder().Replace(text, m => args.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    public static IReadOnlySet<string> PlaceholdersOf(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    private static Dictionary<string, Dictionary<string, string>> LoadEmbedded()
    {
        var assembly = typeof(Catalog).Assembly;
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal) && n.Contains(".Resources.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"Empty message file {name}");
            foreach (var (code, texts) in file)
            {
                if (!result.TryAdd(code, texts))
                {
                    throw new InvalidOperationException($"Message code {code} is defined twice (in {name} and another file).");
                }
            }
        }
        return result;
    }
}
