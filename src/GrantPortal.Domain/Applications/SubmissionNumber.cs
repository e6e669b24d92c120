namespace GrantPortal.Domain.Applications;

// Readable submission numbers: the call's code, then 8 characters from an alphabet without the
// ambiguous 0/O, 1/I/L (STYLE.md "Time and ids"), e.g. 2018-SIC-7KQ4-M2XD.
public static class SubmissionNumber
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(string callCode, Func<int, int> random)
    {
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[random(Alphabet.Length)];
        return $"{callCode}-{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
    }
}
