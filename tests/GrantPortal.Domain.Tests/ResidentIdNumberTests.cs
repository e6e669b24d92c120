using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests;

// GB 11643-1999.
public sealed class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // example of the standard, check character X
    [InlineData("440524188001010014")] // example of the standard, digit check
    public void Validate_StandardExample_IsValid(string number)
    {
        Assert.Null(ResidentIdNumber.Validate(number, null, "DocumentNumber"));
        Assert.True(ResidentIdNumber.IsValid(number));
    }

    [Fact]
    public void Validate_LowerCaseX_IsValidAndNormalizesToUpperX()
    {
        Assert.Null(ResidentIdNumber.Validate("11010519491231002x", null, "DocumentNumber"));
        Assert.Equal("11010519491231002X", ResidentIdNumber.Normalize(" 11010519491231002x "));
    }

    [Theory]
    [InlineData("110105194912310029")] // X replaced by a digit
    [InlineData("11010519491231003X")] // sequence altered
    [InlineData("440524188001010015")]
    [InlineData("440524188001010104")] // two digits swapped
    public void Validate_WrongCheckCharacter_IsRefusedWithCheckDigit(string number)
    {
        Assert.Equal("REG-RID-CHECKDIGIT", ResidentIdNumber.Validate(number, null, "DocumentNumber")?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("11010519491231002XX")] // 19 characters
    [InlineData("1101051949123100X2")] // X not at the end
    [InlineData("A1010519491231002X")]
    [InlineData("11010519491231002Y")]
    [InlineData("110105491231002")] // the old 15-digit number
    public void Validate_WrongShape_IsRefusedWithFormat(string? number)
    {
        Assert.Equal("REG-RID-FORMAT", ResidentIdNumber.Validate(number, null, "DocumentNumber")?.Code);
    }

    [Theory]
    [InlineData("11010519990230001")] // 30 February
    [InlineData("11010519000229001")] // 1900 is not a leap year
    [InlineData("11010519991301001")] // month 13
    [InlineData("11010519990100001")] // day 0
    [InlineData("11010500000101001")] // year 0
    public void Validate_InvalidEmbeddedDate_IsRefusedWithBirthDate(string first17)
    {
        var number = ResidentIdNumber.WithCheckDigit(first17);
        Assert.Equal("REG-RID-BIRTHDATE", ResidentIdNumber.Validate(number, null, "DocumentNumber")?.Code);
        Assert.Null(ResidentIdNumber.BirthDateOf(number));
    }

    [Fact]
    public void Validate_LeapDay2000_IsValid()
    {
        var number = ResidentIdNumber.WithCheckDigit("11010520000229001");
        Assert.Null(ResidentIdNumber.Validate(number, new DateOnly(2000, 2, 29), "DocumentNumber"));
    }

    [Fact]
    public void Validate_BirthDateDiffers_IsRefusedWithMismatch()
    {
        var error = ResidentIdNumber.Validate(TestData.StandardResidentId, new DateOnly(1949, 12, 30), "DocumentNumber");
        Assert.Equal("REG-RID-BIRTHDATE-MISMATCH", error?.Code);
        Assert.Equal("DocumentNumber", error?.Field);
        Assert.Equal("1949-12-31", error?.Args?["embedded"]);
    }

    [Fact]
    public void Validate_BirthDateMatches_IsValid()
    {
        Assert.Null(ResidentIdNumber.Validate(TestData.StandardResidentId, new DateOnly(1949, 12, 31), "DocumentNumber"));
    }

    [Fact]
    public void BirthDateOf_ReadsPositions6To13()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentIdNumber.BirthDateOf(TestData.StandardResidentId));
        Assert.Equal(new DateOnly(1880, 1, 1), ResidentIdNumber.BirthDateOf("440524188001010014"));
    }

    [Fact]
    public void BirthDateOf_WrongShape_IsNull()
    {
        Assert.Null(ResidentIdNumber.BirthDateOf("110105491231002"));
    }

    [Fact]
    public void WithCheckDigit_RebuildsStandardExample()
    {
        Assert.Equal("11010519491231002X", ResidentIdNumber.WithCheckDigit("11010519491231002"));
        Assert.Equal("440524188001010014", ResidentIdNumber.WithCheckDigit("44052418800101001"));
    }

    [Fact]
    public void WithCheckDigit_EveryCheckCharacterOccurs()
    {
        var checks = Enumerable.Range(0, 1000)
            .Select(seq => ResidentIdNumber.WithCheckDigit($"11010519800101{seq:000}")[^1])
            .ToHashSet();
        Assert.Equal(11, checks.Count);
    }

    [Fact]
    public void WithCheckDigit_AgreesWithIso7064Mod11_2()
    {
        // ISO 7064 MOD 11-2, computed independently: weights 2^(17-i) mod 11, check (12 - sum mod 11) mod 11, 10 as X.
        for (var seq = 0; seq < 1000; seq++)
        {
            var head = $"32010619850715{seq:000}";
            var sum = head.Select((c, i) => (c - '0') * (int)(Math.Pow(2, 17 - i) % 11)).Sum();
            var value = (12 - sum % 11) % 11;
            var expected = value == 10 ? 'X' : (char)('0' + value);
            Assert.Equal(head + expected, ResidentIdNumber.WithCheckDigit(head));
        }
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("1101051949123100X")]
    public void WithCheckDigit_BadInput_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.WithCheckDigit(first17));
    }
}
