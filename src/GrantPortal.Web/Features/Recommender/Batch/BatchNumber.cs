namespace GrantPortal.Web.Features.Recommender.Batch;

// The readable number of a batch, printed on its letter and list and typed at /Verify: the call's
// code, "TJ" (推荐), then 8 characters from the submission numbers' alphabet (no 0/O, 1/I/L), taken
// from the random part of the batch's id, e.g. 2018-SIC-TJ-7KQ4-M2XD. Derived, so that it needs no
// column of its own and a batch stored before printing existed has the same number.
public static class BatchNumber
{
    public static string Of(Guid batchId, string callCode)
    {
        var bytes = batchId.ToByteArray(bigEndian: true);
        // Bytes 8..15 of a version 7 id: 2 variant bits, then 62 random bits.
        var random = BitConverter.ToUInt64([.. bytes[8..16].Reverse()]) & 0x3FFF_FFFF_FFFF_FFFF;
        // The submission numbers' format, its "random" digits read off those bits one by one.
        return Domain.Applications.SubmissionNumber.New(callCode + "-TJ", n =>
        {
            var digit = (int)(random % (ulong)n);
            random /= (ulong)n;
            return digit;
        });
    }
}
