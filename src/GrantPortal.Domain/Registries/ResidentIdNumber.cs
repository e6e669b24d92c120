using System.Globalization;
using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

// 居民身份证号码, GB 11643-1999: 6-digit address code, 8-digit birth date (yyyyMMdd), 3-digit
// sequence, and a check character (ISO 7064 MOD 11-2) that is a digit or X.
public static class ResidentIdNumber
{
    public const int Length = 18;
    private const string CheckCharacters = "10X98765432";

    // GB 11643-1999, 8.2: weight of position i is 2^(17-i) mod 11.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static bool IsValid(string? value) => Validate(value, null, "") is null;

    // Validates the normalized form (a lower-case x is read as X); callers store Normalize(value).
    public static Error? Validate(string? value, DateOnly? birthDate, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Error.For("REG-RID-FORMAT", field);
        var number = Normalize(value);
        if (!HasFormat(number))
            return Error.For("REG-RID-FORMAT", field);
        if (number[^1] != CheckCharacter(number.AsSpan(0, Length - 1)))
            return Error.For("REG-RID-CHECKDIGIT", field);
        var embedded = EmbeddedBirthDate(number);
        if (embedded is null)
            return Error.For("REG-RID-BIRTHDATE", field);
        if (birthDate is { } expected && embedded != expected)
            return Error.For("REG-RID-BIRTHDATE-MISMATCH", field,
                ("embedded", embedded.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("birthDate", expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return null;
    }

    public static DateOnly? BirthDateOf(string value)
    {
        var number = Normalize(value);
        return HasFormat(number) ? EmbeddedBirthDate(number) : null;
    }

    public static string WithCheckDigit(string first17)
    {
        var head = first17.Trim();
        if (head.Length != Length - 1 || !head.All(char.IsAsciiDigit))
            throw new ArgumentException($"Expected {Length - 1} digits.", nameof(first17));
        return head + CheckCharacter(head);
    }

    private static bool HasFormat(string number) =>
        number.Length == Length
        && number.AsSpan(0, Length - 1).IndexOfAnyExceptInRange('0', '9') < 0
        && (char.IsAsciiDigit(number[^1]) || number[^1] == 'X');

    private static DateOnly? EmbeddedBirthDate(string number) =>
        DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
