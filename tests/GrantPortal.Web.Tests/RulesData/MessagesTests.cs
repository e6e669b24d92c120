using System.Globalization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Eligibility;
using GrantPortal.Web.Infrastructure.Localization;

namespace GrantPortal.Web.Tests.RulesData;

public sealed class MessagesTests
{
    private static readonly Catalog Catalog = new();

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string> { "UNIT-INTEGRITY-PERSON", "FOREIGN-LEAD-AGE-STATEMENT", "SANCTION-ENDS-BEFORE-START", "GUIDE-EXPERT-IMPORT-UNKNOWN" };
        foreach (var kind in Enum.GetValues<ForeignLeadException>())
        {
            data.Add(ForeignLeadAge.ExceptionCode(kind));
            data.Add("Draft.ForeignLeadException." + kind);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryNewCode_HasATextInBothLanguages(string code)
    {
        foreach (var culture in Catalog.Cultures)
            Assert.False(string.IsNullOrWhiteSpace(Catalog.Find(code, new CultureInfo(culture))), $"{code} {culture}");
    }
}
