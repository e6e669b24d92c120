using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Infrastructure.Storage;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantPortal.Web.Tests.Attachments;

// Drives uploads as a browser (the page's multipart form, antiforgery token first) and as an API
// client, and reads back what the store and the database hold.
public static partial class Uploads
{
    public static string PageUrl(ProposalId id) => $"/PreProposals/Attachments/{id}";
    public static string ApiUrl(ProposalId id) => $"/api/v1/pre-proposals/{id}/attachments";

    public static HttpContent File(byte[] bytes) => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };

    public static async Task<HttpResponseMessage> UploadPageAsync(this HttpClient browser, ProposalId id, string? kind, HttpContent? file, string fileName = "document.pdf", string? signedOn = null)
    {
        // The token of the page itself, or (for a user who may not see it) of the home page.
        var page = await browser.GetAsync(PageUrl(id));
        var html = await (page.IsSuccessStatusCode ? page : await browser.GetAsync("/")).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        var form = new MultipartFormDataContent();
        if (token.Success) form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        if (signedOn is not null) form.Add(new StringContent(signedOn), "signedOn");
        if (file is not null) form.Add(file, "file", fileName);
        return await browser.PostAsync(PageUrl(id), form);
    }

    public static Task<HttpResponseMessage> UploadApiAsync(this HttpClient api, ProposalId id, string? kind, HttpContent? file, string fileName = "document.pdf", string? signedOn = null)
    {
        var form = new MultipartFormDataContent();
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        if (signedOn is not null) form.Add(new StringContent(signedOn), "signedOn");
        if (file is not null) form.Add(file, "file", fileName);
        return api.PostAsync(ApiUrl(id), form);
    }

    public static async Task<HttpClient> UserApiAsync(this GrantPortalFactory app, string email) =>
        app.CreateClient().WithBearer((await app.UserTokensAsync(email)).AccessToken);

    // The codes a page shows beside its fields and in its summary.
    public static async Task<ISet<string>> PageCodesAsync(HttpResponseMessage response) =>
        Code().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToHashSet();

    public static async Task<ISet<string>> ProblemCodesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToHashSet();
    }

    public static Task<List<Attachment>> AttachmentsAsync(this GrantPortalFactory app, ProposalId id) =>
        app.WithDbAsync(db => db.Attachments.AsNoTracking().Where(a => a.ProposalId == id).OrderBy(a => a.Id).ToListAsync());

    public static async Task<List<string>> BlobNamesAsync(this GrantPortalFactory app, ProposalId id)
    {
        var blobs = app.Services.GetRequiredService<BlobStore>();
        return [.. (await blobs.ListAsync($"proposals/{id}/", CancellationToken.None)).Order()];
    }

    public static async Task<byte[]> ReadBlobAsync(this GrantPortalFactory app, string name)
    {
        var blobs = app.Services.GetRequiredService<BlobStore>();
        return (await blobs.Container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
    }

    public static async Task<string> BlobContentTypeAsync(this GrantPortalFactory app, string name)
    {
        var blobs = app.Services.GetRequiredService<BlobStore>();
        return (await blobs.Container.GetBlobClient(name).GetPropertiesAsync()).Value.ContentType;
    }

    public static Task SetAttachmentLimitAsync(this GrantPortalFactory app, long bytes) =>
        app.WithDbAsync(db => db.Calls.Where(c => c.Code == SeedCalls.CodeDemo).ExecuteUpdateAsync(s => s.SetProperty(c => c.AttachmentMaxBytes, bytes)));

    public static Task SetStateAsync(this GrantPortalFactory app, ProposalId id, ApplicationState state) =>
        app.WithDbAsync(db => db.PreProposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, state)));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-code=\"([^\"]+)\"")]
    private static partial Regex Code();
}

// Files that are not what their name says, and PDFs that are not whole.
public static class BadFiles
{
    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    // A real ZIP archive; a .docx is one too, with [Content_Types].xml inside.
    public static byte[] Zip(string entry = "[Content_Types].xml")
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<?xml version=\"1.0\"?><Types/>");
        }
        return memory.ToArray();
    }

    // A valid PDF cut short, as an interrupted download leaves it.
    public static byte[] Truncated()
    {
        var pdf = Pdfs.Minimal("truncated");
        return pdf[..^200];
    }

    // A valid PDF whose "%PDF-" header is not at the start.
    public static byte[] HeaderNotAtStart() => [.. "junk\n"u8.ToArray(), .. Pdfs.Minimal("late header")];
}

// A valid PDF of any size, produced on the fly: the header, then `padding` bytes of PDF comment
// lines, then the objects of Pdfs.Minimal with their xref offsets and startxref moved by the padding.
// Nothing holds the whole file: the stream generates each line as it is read.
public sealed class PaddedPdfStream : Stream
{
    private const string Header = "%PDF-1.4\n";
    private static readonly byte[] Line = Encoding.ASCII.GetBytes("%" + new string('x', 62) + "\n");
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly long _padding;
    private long _position;

    public PaddedPdfStream(long totalBytes)
    {
        var pdf = Encoding.ASCII.GetString(Pdfs.Minimal("padded with comments"));
        var rest = pdf[Header.Length..];
        _padding = Math.Max(0, (totalBytes - pdf.Length) / Line.Length * Line.Length);
        rest = Regex.Replace(rest, @"(?m)^(\d{10}) 00000 n", m => (long.Parse(m.Groups[1].Value) + _padding).ToString("D10") + " 00000 n");
        rest = Regex.Replace(rest, @"startxref\n(\d+)", m => "startxref\n" + (long.Parse(m.Groups[1].Value) + _padding));
        _head = Encoding.ASCII.GetBytes(Header);
        _tail = Encoding.ASCII.GetBytes(rest);
    }

    public long TotalLength => _head.Length + _padding + _tail.Length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < TotalLength)
        {
            byte b;
            if (_position < _head.Length) b = _head[_position];
            else if (_position < _head.Length + _padding) b = Line[(_position - _head.Length) % Line.Length];
            else b = _tail[_position - _head.Length - _padding];
            buffer[written++] = b;
            _position++;
        }
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public static string Sha256Of(long totalBytes)
    {
        using var stream = new PaddedPdfStream(totalBytes);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
