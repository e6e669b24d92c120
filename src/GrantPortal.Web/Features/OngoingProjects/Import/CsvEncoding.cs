using System.Text;

namespace GrantPortal.Web.Features.OngoingProjects.Import;

public enum ImportEncoding
{
    Auto,
    Utf8,
    Gb18030,
}

// Real exports come in UTF-8 (with or without BOM) or GB18030. Auto: a UTF-8 BOM means UTF-8; a
// file that decodes as valid UTF-8 is UTF-8; anything else is read as GB18030. The check streams.
public static class CsvEncoding
{
    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async Task<Encoding> DetectAsync(Stream stream, ImportEncoding choice, CancellationToken ct)
    {
        if (choice == ImportEncoding.Utf8) return Utf8;
        if (choice == ImportEncoding.Gb18030) return Gb18030;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        var first = true;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, ct)) > 0)
            {
                if (first && read >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Utf8;
                first = false;
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return Utf8;
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
