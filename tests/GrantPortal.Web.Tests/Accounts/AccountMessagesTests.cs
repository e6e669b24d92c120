using System.Text.RegularExpressions;
using GrantPortal.Web.Infrastructure.Localization;

namespace GrantPortal.Web.Tests.Accounts;

// Every text of the account area exists in zh-CN and English with the same placeholders, and
// every code the account and user-admin code names is in the catalog.
public sealed partial class AccountMessagesTests
{
    private static readonly Catalog Catalog = new();
    private static readonly string[] Prefixes = ["Account.", "Register.", "RegisterConfirmation.", "ConfirmEmail.", "ForgotPassword.", "ResetPassword.", "AdminUsers.", "Mail.", "Login."];

    [Fact]
    public void AccountCodes_HaveBothLanguages_WithTheSamePlaceholders()
    {
        var codes = Catalog.All.Keys.Where(k => Prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.True(codes.Count > 50);
        foreach (var code in codes)
        {
            var texts = Catalog.All[code];
            Assert.True(texts.ContainsKey("zh-CN") && texts.ContainsKey("en"), code);
            Assert.True(Catalog.PlaceholdersOf(texts["zh-CN"]).SetEquals(Catalog.PlaceholdersOf(texts["en"])), code);
        }
    }

    [Fact]
    public void CodesNamedInTheSource_AreAllInTheCatalog()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GrantPortal.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var web = Path.Combine(root.FullName, "src", "GrantPortal.Web");
        var files = Directory.GetFiles(Path.Combine(web, "Features", "Accounts"), "*.cs*")
            .Concat(Directory.GetFiles(Path.Combine(web, "Features", "Admin", "Users"), "*.cs*"))
            .Concat(Directory.GetFiles(Path.Combine(web, "Infrastructure", "Identity"), "AccountMails.cs"));
        var missing = files.SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(c => !c.EndsWith('.') && !Catalog.Contains(c))
            .Distinct().ToList();
        Assert.Empty(missing);
        foreach (var role in GrantPortal.Web.Infrastructure.Identity.Roles.All)
        {
            Assert.True(Catalog.Contains("AdminUsers.Role." + role), role);
        }
    }

    [GeneratedRegex("\"((?:Account|Register|RegisterConfirmation|ConfirmEmail|ForgotPassword|ResetPassword|AdminUsers|Mail|Login)\\.[A-Za-z.]+)\"")]
    private static partial Regex Code();
}
