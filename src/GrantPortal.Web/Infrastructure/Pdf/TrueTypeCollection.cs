using System.Buffers.Binary;

namespace GrantPortal.Web.Infrastructure.Pdf;

// PDFsharp reads TrueType files but not collections (.ttc), and the CJK fonts of Debian ship as
// collections. A collection is a header ('ttcf', version, numFonts, one uint32 offset per face)
// followed by faces whose table directories point into the shared file; one face read out with its
// tables copied and their offsets rewritten is a standalone TrueType file.
public static class TrueTypeCollection
{
    private const uint TtcTag = 0x74746366; // 'ttcf'

    public static bool IsCollection(ReadOnlySpan<byte> file) => file.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(file) == TtcTag;

    public static int FaceCount(ReadOnlySpan<byte> file) =>
        IsCollection(file) ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(file[8..])) : 1;

    public static byte[] ExtractFace(byte[] file, int index)
    {
        if (!IsCollection(file)) return index == 0 ? file : throw new ArgumentOutOfRangeException(nameof(index));
        var count = FaceCount(file);
        if (index < 0 || index >= count) throw new ArgumentOutOfRangeException(nameof(index), $"The collection holds {count} faces.");
        var face = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + 4 * index)));
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(face + 4));
        var directoryLength = 12 + 16 * numTables;

        var tables = new (int Record, int Offset, int Length)[numTables];
        var size = directoryLength;
        for (var i = 0; i < numTables; i++)
        {
            var record = face + 12 + 16 * i;
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 8)));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 12)));
            if (offset < 0 || length < 0 || offset + length > file.Length) throw new InvalidDataException("A table lies outside the font file.");
            tables[i] = (record, offset, length);
            size += Pad4(length);
        }

        var result = new byte[size];
        file.AsSpan(face, directoryLength).CopyTo(result);
        var at = directoryLength;
        var headAt = -1;
        for (var i = 0; i < numTables; i++)
        {
            var (record, offset, length) = tables[i];
            file.AsSpan(offset, length).CopyTo(result.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(12 + 16 * i + 8), (uint)at);
            if (BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record)) == 0x68656164) headAt = at; // 'head'
            at += Pad4(length);
        }

        // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA (OpenType spec, 'head').
        if (headAt >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(headAt + 8), 0);
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(headAt + 8), unchecked(0xB1B0AFBA - Checksum(result)));
        }
        return result;
    }

    private static int Pad4(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        return sum;
    }
}
