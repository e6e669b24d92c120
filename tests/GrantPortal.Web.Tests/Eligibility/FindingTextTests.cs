using System.Globalization;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Infrastructure.Localization;

namespace GrantPortal.Web.Tests.Eligibility;

public sealed class FindingTextTests
{
    private static readonly Catalog Catalog = new();

    // Every message code a rule can produce: the rule ids with findings of their own, and the
    // second messages of some rules.
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var id in RuleSet.Ids.Where(id => id != "ONGOING-CUTOFF")) data.Add(id);
        foreach (var code in new[] { "DOC-JOINT-AGREEMENT-DATE", "FOREIGN-COOPERATION-PROOF-REVIEW", "FOREIGN-LEAD-QUALIFICATION", "FOREIGN-PI-EMPLOYMENT-MISSING" }) data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryFindingCode_HasATextInBothLanguages(string code)
    {
        Assert.True(Catalog.Contains(code), code);
        foreach (var culture in Catalog.Cultures)
        {
            Assert.False(string.IsNullOrWhiteSpace(Catalog.Find(code, new CultureInfo(culture))), $"{code} {culture}");
        }
    }

    [Fact]
    public void RuleSet_IsTheSetTheCallEditorOffers()
    {
        Assert.Equal(GrantPortal.Web.Infrastructure.Seed.SeedCalls.MostRules.Order(), RuleSet.Ids.Order());
    }
}
