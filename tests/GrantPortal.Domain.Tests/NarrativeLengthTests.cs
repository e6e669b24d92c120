using System.Text.Json;
using GrantPortal.Domain.Applications;

namespace GrantPortal.Domain.Tests;

// PRE-LENGTH on the shared cases: the same file is run in Chromium against
// wwwroot/js/narrative-counter.js (e2e CounterTests), so that both sides count alike.
public sealed class NarrativeLengthTests
{
    public sealed record Case(string? Text, string? Repeat, int Times, int Count, string Note)
    {
        public string Value => Repeat is null ? Text ?? "" : string.Concat(Enumerable.Repeat(Repeat, Times));

        public override string ToString() => Note;
    }

    public static IReadOnlyList<Case> Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "shared", "narrative-cases.json");
            if (File.Exists(path))
                return JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        throw new FileNotFoundException("tests/shared/narrative-cases.json not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<Case> Cases()
    {
        var data = new TheoryData<Case>();
        foreach (var c in Load()) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Count_OnSharedCase_IsTheExpected(Case c) => Assert.Equal(c.Count, NarrativeLength.Count(c.Value));

    [Fact]
    public void SharedCases_CoverTheLimitEdges()
    {
        var counts = Load().Select(c => c.Count).ToList();
        Assert.Contains(3000, counts);
        Assert.Contains(3001, counts);
        Assert.True(Load().Count >= 25);
    }

    [Fact]
    public void Count_OfSeveralSections_IsTheirSum() =>
        Assert.Equal(6, NarrativeLength.Count(["目标 ", "\n创新", null, "👨‍👩‍👧‍👦\u3000🇨🇳"]));

    [Fact]
    public void PreProposal_NarrativeLength_CountsSectionsAndIndicatorAnswers()
    {
        var p = new PreProposal { Objectives = "目标", Innovation = "创新", TechnicalRoute = "路线", ResearchBasis = "基础" };
        p.IndicatorAnswers.Add(new IndicatorAnswer { IndicatorIndex = 0, Answer = "指标 一" });
        Assert.Equal(11, p.NarrativeLength());
    }
}
