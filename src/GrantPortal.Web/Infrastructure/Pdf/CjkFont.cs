using PdfSharp.Fonts;

namespace GrantPortal.Web.Infrastructure.Pdf;

// The one typeface of the printed documents: WenQuanYi Micro Hei (Debian fonts-wqy-microhei,
// installed by ./run and ./test), which covers Chinese and Latin. Its .ttc is read once and its
// first face handed to PDFsharp, which embeds only the glyphs used (a subset). PDFsharp's font
// resolver is process-wide and may be set only once, always to the same instance.
public sealed class CjkFont : IFontResolver
{
    public const string Family = "WenQuanYi Micro Hei";
    public const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private const string FaceName = "wqy-microhei-0";

    public static CjkFont Instance { get; } = new();

    private static readonly Lock Gate = new();
    private readonly Lazy<byte[]> _face = new(Load);

    private CjkFont() { }

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    // Bold is simulated: the font has a single weight.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _face.Value : null;

    private static byte[] Load()
    {
        if (!File.Exists(FontPath))
            throw new InvalidOperationException($"The CJK font {FontPath} is missing: install the Debian package fonts-wqy-microhei (./run and ./test do).");
        return TrueTypeCollection.ExtractFace(File.ReadAllBytes(FontPath), 0);
    }
}
