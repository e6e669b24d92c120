using System.Buffers.Binary;
using GrantPortal.Web.Infrastructure.Pdf;

namespace GrantPortal.Web.Tests.Printing;

// The pieces under the printed documents: the face read out of the font collection, and line
// breaking of mixed Chinese and Latin text.
public sealed class LayoutTests
{
    [Fact]
    public void ExtractFace_FromTheWenQuanYiCollection_IsAStandaloneTrueTypeFile()
    {
        var ttc = File.ReadAllBytes(CjkFont.FontPath);
        Assert.True(TrueTypeCollection.IsCollection(ttc));

        var face = TrueTypeCollection.ExtractFace(ttc, 0);

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(face));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(face.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var offset = BinaryPrimitives.ReadUInt32BigEndian(face.AsSpan(12 + 16 * i + 8));
            var length = BinaryPrimitives.ReadUInt32BigEndian(face.AsSpan(12 + 16 * i + 12));
            Assert.True(offset + length <= face.Length);
        }
        // The whole file sums to the magic number of the 'head' checksum adjustment.
        uint sum = 0;
        for (var i = 0; i + 4 <= face.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(face.AsSpan(i)));
        Assert.Equal(0xB1B0AFBAu, sum);
    }

    // Each character 1 unit wide: a line of width 5 holds five characters.
    private static IReadOnlyList<string> Wrap(string text, double width = 5) =>
        LineBreaker.Wrap(text, width, s => System.Globalization.StringInfo.ParseCombiningCharacters(s).Length);

    [Fact]
    public void Wrap_Chinese_BreaksBetweenCharacters()
    {
        Assert.Equal(["一二三四五", "六七"], Wrap("一二三四五六七"));
    }

    [Fact]
    public void Wrap_LatinWords_StayWhole()
    {
        Assert.Equal(["ab cd", "efg 中", "hij"], Wrap("ab cd efg 中hij"));
    }

    [Fact]
    public void Wrap_ClosingPunctuation_HangsOnThePreviousLine()
    {
        Assert.Equal(["一二三四五。", "六"], Wrap("一二三四五。六"));
    }

    [Fact]
    public void Wrap_WordLongerThanTheLine_IsBrokenBetweenCharacters()
    {
        Assert.Equal(["abcde", "fgh"], Wrap("abcdefgh"));
        Assert.Equal(["一二abc", "defgh"], Wrap("一二abcdefgh"));
    }

    [Fact]
    public void Wrap_KeepsTypedLineBreaksAndEmptyLines()
    {
        Assert.Equal(["一", "", "二"], Wrap("一\r\n\n二"));
    }

    [Fact]
    public void Wrap_MarkupIsJustText()
    {
        Assert.Equal("<script>alert(1)</script>", string.Concat(Wrap("<script>alert(1)</script>", 100)));
    }
}
