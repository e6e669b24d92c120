using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests;

// GB 32100-2015.
public sealed class SocialCreditCodeTests
{
    [Theory]
    [InlineData("12100000400000624D")] // 清华大学
    [InlineData("12100000400002259P")] // 北京大学
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司
    public void Validate_PublishedCode_IsValid(string code)
    {
        Assert.Null(SocialCreditCode.Validate(code, "SocialCreditCode"));
        Assert.True(SocialCreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("12100000400000624C")] // check character altered
    [InlineData("12100000400000642D")] // two digits swapped
    [InlineData("22100000400000624D")] // first character altered
    [InlineData("914403001922038217")]
    public void Validate_AlteredCode_IsRefusedWithCheckDigit(string code)
    {
        Assert.Equal("REG-USCC-CHECKDIGIT", SocialCreditCode.Validate(code, "SocialCreditCode")?.Code);
        Assert.False(SocialCreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("12100000400000624")] // 17 characters
    [InlineData("12100000400000624DD")] // 19 characters
    [InlineData("1210000040000062ID")] // I is not in the character set
    [InlineData("1210000040000062OD")] // O
    [InlineData("1210000040000062ZD")] // Z
    [InlineData("1210000040000062SD")] // S
    [InlineData("1210000040000062VD")] // V
    [InlineData("121000004000-0624D")]
    public void Validate_WrongLengthOrCharacter_IsRefusedWithFormat(string code)
    {
        Assert.Equal("REG-USCC-FORMAT", SocialCreditCode.Validate(code, "SocialCreditCode")?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_Missing_IsRefusedWithRequired(string? code)
    {
        var error = SocialCreditCode.Validate(code, "SocialCreditCode");
        Assert.Equal("REG-USCC-REQUIRED", error?.Code);
        Assert.Equal("SocialCreditCode", error?.Field);
    }

    [Fact]
    public void Validate_CarriesTheGivenField()
    {
        Assert.Equal("Uscc", SocialCreditCode.Validate("12100000400000624C", "Uscc")?.Field);
    }

    [Fact]
    public void Validate_LowerCaseWithSpaces_IsValidAndNormalizes()
    {
        Assert.True(SocialCreditCode.IsValid(" 12100000400000624d "));
        Assert.Equal("12100000400000624D", SocialCreditCode.Normalize(" 12100000400000624d "));
    }

    [Fact]
    public void WithCheckDigit_RebuildsPublishedCode()
    {
        Assert.Equal(TestData.TsinghuaUscc, SocialCreditCode.WithCheckDigit("12100000400000624"));
    }

    [Fact]
    public void WithCheckDigit_SumDivisibleBy31_GivesZero()
    {
        // 31 - 0 = 31, which GB 32100-2015 maps to 0.
        Assert.Equal("000000000000000000", SocialCreditCode.WithCheckDigit("00000000000000000"));
        Assert.True(SocialCreditCode.IsValid("000000000000000000"));
    }

    [Fact]
    public void WithCheckDigit_LastValue_GivesY()
    {
        // Weight 1 at position 0: a sum of 1 gives check 30, the last character of the set.
        Assert.Equal("10000000000000000Y", SocialCreditCode.WithCheckDigit("10000000000000000"));
    }

    [Fact]
    public void WithCheckDigit_EveryBuiltCodeIsValid()
    {
        var random = new Random(2018);
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var n = 0; n < 500; n++)
        {
            var head = new string(Enumerable.Range(0, 17).Select(_ => charset[random.Next(charset.Length)]).ToArray());
            var code = SocialCreditCode.WithCheckDigit(head);
            Assert.True(SocialCreditCode.IsValid(code), code);
            var altered = code[..^1] + charset[(charset.IndexOf(code[^1]) + 1) % charset.Length];
            Assert.False(SocialCreditCode.IsValid(altered), altered);
        }
    }

    [Fact]
    public void WithCheckDigit_AgreesWithWeightsOf3PowIMod31()
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var random = new Random(32100);
        for (var n = 0; n < 1000; n++)
        {
            var head = new string(Enumerable.Range(0, 17).Select(_ => charset[random.Next(charset.Length)]).ToArray());
            var weight = 1;
            var sum = 0;
            foreach (var c in head)
            {
                sum += charset.IndexOf(c) * weight;
                weight = weight * 3 % 31;
            }
            var expected = charset[(31 - sum % 31) % 31];
            Assert.Equal(head + expected, SocialCreditCode.WithCheckDigit(head));
        }
    }

    [Theory]
    [InlineData("1210000040000062")]
    [InlineData("1210000040000062I")]
    public void WithCheckDigit_BadInput_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => SocialCreditCode.WithCheckDigit(first17));
    }
}
