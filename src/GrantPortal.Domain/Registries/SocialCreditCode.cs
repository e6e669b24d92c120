using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

// 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character set without I, O, Z, S, V;
// the 18th is a check character computed modulo 31 over the first 17.
// Units are identified by this code (DOMAIN.md, UNIT-MAINLAND).
public static class SocialCreditCode
{
    public const int Length = 18;
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015, 5.2: weight of position i is 3^i mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static bool IsValid(string? value) => Validate(value, "") is null;

    // Validates the normalized form, so a code typed in lower case or with surrounding spaces is
    // accepted; callers store Normalize(value).
    public static Error? Validate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Error.For("REG-USCC-REQUIRED", field);
        var code = Normalize(value);
        if (code.Length != Length || !code.All(c => Charset.Contains(c)))
            return Error.For("REG-USCC-FORMAT", field);
        if (code[^1] != CheckCharacter(code.AsSpan(0, Length - 1)))
            return Error.For("REG-USCC-CHECKDIGIT", field);
        return null;
    }

    public static string WithCheckDigit(string first17)
    {
        var head = Normalize(first17);
        if (head.Length != Length - 1 || !head.All(c => Charset.Contains(c)))
            throw new ArgumentException($"Expected {Length - 1} characters of {Charset}.", nameof(first17));
        return head + CheckCharacter(head);
    }

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
            sum += Charset.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Charset[check == 31 ? 0 : check];
    }
}
