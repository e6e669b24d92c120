using System.Text;
using GrantPortal.Web.Features.PreProposals.Attachments;
using GrantPortal.Web.Infrastructure.Storage;
using GrantPortal.Web.Tests.Support;

namespace GrantPortal.Web.Tests.Attachments;

// What counts as a PDF (by content), and the names shown for uploads.
public sealed class PdfContentTests
{
    [Theory]
    [InlineData("%PDF-1.4\n", true)]
    [InlineData("%PDF-1.7\r", true)]
    [InlineData("%PDF-2.0\n", true)]
    [InlineData("%PDF-3.0\n", false)]
    [InlineData("%PDF-1.x\n", false)]
    [InlineData("%PDF-1.", false)]
    [InlineData(" %PDF-1.4", false)]
    [InlineData("%!PS-Adobe-3.0", false)]
    public void Header_IsRequiredAtOffsetZero(string start, bool accepted) =>
        Assert.Equal(accepted, PdfContent.HasHeader(Encoding.ASCII.GetBytes(start)));

    [Theory]
    [InlineData("trailer\n<<>>\nstartxref\n123\n%%EOF", true)]
    [InlineData("trailer\n<<>>\nstartxref\n123\n%%EOF\n", true)]
    [InlineData("trailer\n<<>>\nstartxref\r\n123\r\n%%EOF\r\n  \n\0", true)]
    [InlineData("trailer\n<<>>\nstartxref\n123\n%%EO", false)]
    [InlineData("trailer\n<<>>\n%%EOF\n", false)]
    [InlineData("startxref\n\n%%EOF", false)]
    [InlineData("startxref\n123\n%%EOF\ngarbage", false)]
    public void Trailer_NeedsStartxrefAndEof(string tail, bool accepted) =>
        Assert.Equal(accepted, PdfContent.HasTrailer(Encoding.ASCII.GetBytes(tail)));

    [Theory]
    [InlineData("联合申报协议.pdf", "联合申报协议.pdf")]
    [InlineData("C:\\Users\\zhang\\协议.PDF", "协议.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("a<b>c:d\"e|f?g*.pdf", "a_b_c_d_e_f_g_.pdf")]
    [InlineData("evil\u202Efdp.exe", "evilfdp.exe.pdf")]
    [InlineData("   ", "attachment.pdf")]
    [InlineData(null, "attachment.pdf")]
    [InlineData("line\r\nbreak.pdf", "linebreak.pdf")]
    public void SafeFileName_StripsWhatIsUnsafe(string? given, string shown) =>
        Assert.Equal(shown, PdfContent.SafeFileName(given));

    [Fact]
    public void SafeFileName_IsShortened() =>
        Assert.True(PdfContent.SafeFileName(new string('长', 400) + ".pdf").Length <= 204);

    [Fact]
    public async Task InspectingStream_HashesCountsKeepsTheTail_AndStopsAtTheLimit()
    {
        var bytes = Pdfs.Minimal("inspect");
        await using var whole = new InspectingStream(new MemoryStream(bytes[8..]), bytes.Length, bytes.AsMemory(0, 8));
        var copy = new MemoryStream();
        await whole.CopyToAsync(copy, 7);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(bytes.Length, whole.BytesRead);
        Assert.Equal(Uploads.Sha256(bytes), whole.Sha256Hex());
        Assert.Equal(bytes[^Math.Min(bytes.Length, InspectingStream.TailBytes)..], whole.Tail());
        Assert.False(whole.TooLarge);

        await using var limited = new InspectingStream(new MemoryStream(bytes), bytes.Length - 1);
        await limited.CopyToAsync(Stream.Null, 100);
        Assert.True(limited.TooLarge);
        Assert.True(limited.BytesRead < bytes.Length);
    }
}
