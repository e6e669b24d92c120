using System.Security.Cryptography;

namespace GrantPortal.Web.Infrastructure.Storage;

// A read-only pass-through over an upload: it computes the SHA-256 incrementally, counts the
// bytes, keeps the last TailBytes in a small ring buffer, and stops at a size limit. Past the limit
// it reports the end of the stream (so the blob upload ends early and nothing more is read from
// the client) and sets TooLarge; the caller then deletes what was written. Bytes already read
// from the source (a header the caller inspected first) are passed in as the prefix.
public sealed class InspectingStream(Stream source, long maxBytes, ReadOnlyMemory<byte> prefix = default) : Stream
{
    public const int TailBytes = 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _tail = new byte[TailBytes];
    private int _tailStart;
    private int _tailCount;
    private ReadOnlyMemory<byte> _prefix = prefix;

    public long BytesRead { get; private set; }
    public bool TooLarge { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    // The last bytes of the stream, in order.
    public byte[] Tail()
    {
        var result = new byte[_tailCount];
        for (var i = 0; i < _tailCount; i++) result[i] = _tail[(_tailStart + i) % TailBytes];
        return result;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TooLarge || buffer.Length == 0) return 0;
        var n = FromPrefix(buffer.Span);
        if (n == 0) n = await source.ReadAsync(buffer, cancellationToken);
        return Account(buffer.Span[..n]);
    }

    public override int Read(Span<byte> buffer)
    {
        if (TooLarge || buffer.Length == 0) return 0;
        var n = FromPrefix(buffer);
        if (n == 0) n = source.Read(buffer);
        return Account(buffer[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    private int FromPrefix(Span<byte> buffer)
    {
        if (_prefix.IsEmpty) return 0;
        var n = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..n].CopyTo(buffer);
        _prefix = _prefix[n..];
        return n;
    }

    private int Account(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length == 0) return 0;
        if (BytesRead + chunk.Length > maxBytes)
        {
            TooLarge = true;
            return 0;
        }
        _hash.AppendData(chunk);
        Remember(chunk);
        BytesRead += chunk.Length;
        return chunk.Length;
    }

    private void Remember(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length > TailBytes) chunk = chunk[^TailBytes..];
        foreach (var b in chunk)
        {
            var end = (_tailStart + _tailCount) % TailBytes;
            _tail[end] = b;
            if (_tailCount < TailBytes) _tailCount++;
            else _tailStart = (_tailStart + 1) % TailBytes;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
