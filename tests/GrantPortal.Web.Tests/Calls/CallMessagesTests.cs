using GrantPortal.Web.Infrastructure.Localization;

namespace GrantPortal.Web.Tests.Calls;

// Every text of Resources/Calls.json and Resources/Audit.json exists in both languages with the same placeholders.
public sealed class CallMessagesTests
{
    private static readonly string[] Prefixes = ["CALL-", "CallAdmin.", "CallEdit.", "CallDetails.", "AUDIT-", "Audit."];

    [Fact]
    public void CallAndAuditCodes_HaveBothLanguages_WithTheSamePlaceholders()
    {
        var catalog = new Catalog();
        var codes = catalog.All.Keys.Where(k => Prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Contains("CALL-WINDOW", codes);
        Assert.Contains("Audit.Title", codes);
        foreach (var code in codes)
        {
            var texts = catalog.All[code];
            Assert.True(texts.ContainsKey("zh-CN") && texts.ContainsKey("en"), code);
            Assert.Equal(Catalog.PlaceholdersOf(texts["zh-CN"]), Catalog.PlaceholdersOf(texts["en"]));
        }
        Assert.Equal(["days", "min"], Catalog.PlaceholdersOf(catalog.All["CALL-WINDOW"]["en"]).Order());
    }
}
