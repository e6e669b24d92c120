using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Tests;

public sealed class RegistryValidationTests
{
    private static readonly DateOnly Today = TestData.Today;

    private static (string Code, string? Field)[] Codes(IReadOnlyList<Error> errors) =>
        errors.Select(e => (e.Code, e.Field)).ToArray();

    [Fact]
    public void ValidateUnit_DomesticWithValidCode_HasNoErrors()
    {
        Assert.Empty(RegistryValidation.ValidateUnit(TestData.DomesticUnit(), Today));
    }

    [Theory]
    [InlineData(UnitKind.University)]
    [InlineData(UnitKind.ResearchInstitute)]
    [InlineData(UnitKind.Enterprise)]
    [InlineData(UnitKind.ProvincialStDepartment)]
    [InlineData(UnitKind.ExchangeCenter)]
    public void ValidateUnit_DomesticWithoutCode_IsRefusedWithUsccRequired(UnitKind kind)
    {
        var unit = TestData.DomesticUnit();
        unit.Kind = kind;
        unit.SocialCreditCode = null;
        Assert.Equal([("REG-USCC-REQUIRED", "SocialCreditCode")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidateUnit_DomesticWithWrongCheckDigit_IsRefusedWithUsccCheckDigit()
    {
        var unit = TestData.DomesticUnit();
        unit.SocialCreditCode = "12100000400000624C";
        Assert.Equal([("REG-USCC-CHECKDIGIT", "SocialCreditCode")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidateUnit_DomesticWithCountry_IsRefusedWithFieldNotApplicable()
    {
        var unit = TestData.DomesticUnit();
        unit.CountryCode = "CN";
        Assert.Equal([("REG-FIELD-NOT-APPLICABLE", "CountryCode")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("HK")]
    [InlineData("MO")]
    [InlineData("TW")]
    [InlineData("de")]
    public void ValidateUnit_ForeignInCountryOutsideMainland_HasNoErrors(string country)
    {
        var unit = TestData.ForeignUnit();
        unit.CountryCode = country;
        Assert.Empty(RegistryValidation.ValidateUnit(unit, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CN")]
    [InlineData("cn")]
    [InlineData("XX")] // not assigned
    [InlineData("UK")] // exceptionally reserved, not assigned
    [InlineData("DEU")] // alpha-3
    [InlineData("D")]
    public void ValidateUnit_ForeignWithoutValidCountryOutsideMainland_IsRefusedWithCountryInvalid(string? country)
    {
        var unit = TestData.ForeignUnit();
        unit.CountryCode = country;
        Assert.Equal([("REG-COUNTRY-INVALID", "CountryCode")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ValidateUnit_ForeignWithoutRegistrationNumber_IsRefusedWithRegNoRequired(string? number)
    {
        var unit = TestData.ForeignUnit();
        unit.ForeignRegistrationNumber = number;
        Assert.Equal([("REG-FOREIGN-REGNO-REQUIRED", "ForeignRegistrationNumber")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidateUnit_ForeignWithSocialCreditCode_IsRefusedWithFieldNotApplicable()
    {
        var unit = TestData.ForeignUnit();
        unit.SocialCreditCode = TestData.TsinghuaUscc;
        Assert.Equal([("REG-FIELD-NOT-APPLICABLE", "SocialCreditCode")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidateUnit_ForeignNeedsNoSocialCreditCode()
    {
        var unit = TestData.ForeignUnit();
        Assert.Null(unit.SocialCreditCode);
        Assert.Empty(RegistryValidation.ValidateUnit(unit, Today));
    }

    [Fact]
    public void ValidateUnit_RegisteredTomorrow_IsRefusedWithDateFuture()
    {
        var unit = TestData.DomesticUnit();
        unit.RegistrationDate = Today.AddDays(1);
        Assert.Equal([("REG-DATE-FUTURE", "RegistrationDate")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidateUnit_RegisteredToday_IsAccepted()
    {
        var unit = TestData.DomesticUnit();
        unit.RegistrationDate = Today;
        Assert.Empty(RegistryValidation.ValidateUnit(unit, Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ValidateUnit_WithoutName_IsRefusedWithNameRequired(string name)
    {
        var unit = TestData.ForeignUnit();
        unit.Name = name;
        Assert.Equal([("REG-NAME-REQUIRED", "Name")], Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidateUnit_DomesticWithEveryFault_ReturnsEveryError()
    {
        var unit = new Unit
        {
            Name = "",
            Kind = UnitKind.Enterprise,
            SocialCreditCode = "91440300708461136",
            CountryCode = "CN",
            RegistrationDate = Today.AddDays(1),
        };
        Assert.Equal(
            [("REG-NAME-REQUIRED", "Name"), ("REG-USCC-FORMAT", "SocialCreditCode"), ("REG-FIELD-NOT-APPLICABLE", "CountryCode"), ("REG-DATE-FUTURE", "RegistrationDate")],
            Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidateUnit_ForeignWithEveryFault_ReturnsEveryError()
    {
        var unit = new Unit
        {
            Name = " ",
            Kind = UnitKind.ForeignEnterprise,
            SocialCreditCode = TestData.TsinghuaUscc,
            CountryCode = "CN",
            RegistrationDate = Today.AddYears(1),
        };
        Assert.Equal(
            [
                ("REG-NAME-REQUIRED", "Name"), ("REG-COUNTRY-INVALID", "CountryCode"),
                ("REG-FOREIGN-REGNO-REQUIRED", "ForeignRegistrationNumber"), ("REG-FIELD-NOT-APPLICABLE", "SocialCreditCode"),
                ("REG-DATE-FUTURE", "RegistrationDate"),
            ],
            Codes(RegistryValidation.ValidateUnit(unit, Today)));
    }

    [Fact]
    public void ValidatePerson_ResidentWithValidNumber_HasNoErrors()
    {
        Assert.Empty(RegistryValidation.ValidatePerson(TestData.ResidentPerson(), Today));
    }

    [Fact]
    public void ValidatePerson_PassportHolder_HasNoErrors()
    {
        Assert.Empty(RegistryValidation.ValidatePerson(TestData.PassportHolder(), Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ValidatePerson_WithoutDocumentNumber_IsRefusedWithDocNoRequired(string number)
    {
        var person = TestData.ResidentPerson();
        person.DocumentNumber = number;
        Assert.Equal([("REG-DOCNO-REQUIRED", "DocumentNumber")], Codes(RegistryValidation.ValidatePerson(person, Today)));
    }

    [Theory]
    [InlineData("11010519491231002x", null)]
    [InlineData("110105194912310029", "REG-RID-CHECKDIGIT")]
    [InlineData("1101051949123100", "REG-RID-FORMAT")]
    [InlineData("C01X00T47", "REG-RID-FORMAT")]
    public void ValidatePerson_ResidentIdCard_IsCheckedAsResidentId(string number, string? code)
    {
        var person = TestData.ResidentPerson();
        person.DocumentNumber = number;
        Assert.Equal(code, RegistryValidation.ValidatePerson(person, Today).SingleOrDefault()?.Code);
    }

    [Fact]
    public void ValidatePerson_InvalidEmbeddedDate_IsRefusedWithRidBirthDate()
    {
        var person = TestData.ResidentPerson();
        person.DocumentNumber = ResidentIdNumber.WithCheckDigit("11010519990230001");
        Assert.Equal([("REG-RID-BIRTHDATE", "DocumentNumber")], Codes(RegistryValidation.ValidatePerson(person, Today)));
    }

    [Fact]
    public void ValidatePerson_BirthDateDiffersFromResidentId_IsRefusedWithMismatch()
    {
        var person = TestData.ResidentPerson();
        person.BirthDate = new DateOnly(1950, 1, 1);
        Assert.Equal([("REG-RID-BIRTHDATE-MISMATCH", "DocumentNumber")], Codes(RegistryValidation.ValidatePerson(person, Today)));
    }

    [Theory]
    [InlineData(IdentityDocumentType.Passport, "E1234")] // 5
    [InlineData(IdentityDocumentType.Passport, "ABCDEFGHIJ0123456789")] // 20
    [InlineData(IdentityDocumentType.Passport, "e12345678")] // lower case, normalized
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "H12345678")]
    [InlineData(IdentityDocumentType.TaiwanPermit, "12345678")]
    public void ValidatePerson_OtherDocumentOf5To20Characters_IsAccepted(IdentityDocumentType type, string number)
    {
        var person = TestData.PassportHolder();
        person.DocumentType = type;
        person.DocumentNumber = number;
        Assert.Empty(RegistryValidation.ValidatePerson(person, Today));
    }

    [Theory]
    [InlineData(IdentityDocumentType.Passport, "E123")] // 4
    [InlineData(IdentityDocumentType.Passport, "ABCDEFGHIJ0123456789K")] // 21
    [InlineData(IdentityDocumentType.Passport, "E-1234567")]
    [InlineData(IdentityDocumentType.Passport, "E12 34567")]
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "H1234567８")] // full-width digit
    [InlineData(IdentityDocumentType.TaiwanPermit, "台12345678")]
    public void ValidatePerson_OtherDocumentWithWrongShape_IsRefusedWithDocNoFormat(IdentityDocumentType type, string number)
    {
        var person = TestData.PassportHolder();
        person.DocumentType = type;
        person.DocumentNumber = number;
        Assert.Equal([("REG-DOCNO-FORMAT", "DocumentNumber")], Codes(RegistryValidation.ValidatePerson(person, Today)));
    }

    [Fact]
    public void ValidatePerson_Born1900January1_IsAccepted()
    {
        var person = TestData.PassportHolder();
        person.BirthDate = new DateOnly(1900, 1, 1);
        Assert.Empty(RegistryValidation.ValidatePerson(person, Today));
    }

    [Fact]
    public void ValidatePerson_BornToday_IsAccepted()
    {
        var person = TestData.PassportHolder();
        person.BirthDate = Today;
        Assert.Empty(RegistryValidation.ValidatePerson(person, Today));
    }

    [Theory]
    [InlineData(1899, 12, 31)]
    [InlineData(2019, 1, 11)] // tomorrow
    [InlineData(1, 1, 1)] // never set
    public void ValidatePerson_BirthDateOutOfRange_IsRefusedWithBirthDateRange(int year, int month, int day)
    {
        var person = TestData.PassportHolder();
        person.BirthDate = new DateOnly(year, month, day);
        Assert.Equal([("REG-BIRTHDATE-RANGE", "BirthDate")], Codes(RegistryValidation.ValidatePerson(person, Today)));
    }

    [Fact]
    public void ValidatePerson_ResidentBornBefore1900_IsRefusedWithBirthDateRangeOnly()
    {
        // GB 11643-1999's own example is of a person born 1880-01-01: a valid number, out of range.
        var person = TestData.ResidentPerson();
        person.DocumentNumber = "440524188001010014";
        person.BirthDate = new DateOnly(1880, 1, 1);
        Assert.Equal([("REG-BIRTHDATE-RANGE", "BirthDate")], Codes(RegistryValidation.ValidatePerson(person, Today)));
    }

    [Fact]
    public void ValidatePerson_WithEveryFault_ReturnsEveryError()
    {
        var person = new Person
        {
            Name = "",
            DocumentType = IdentityDocumentType.ResidentIdCard,
            DocumentNumber = "110105194912310029",
            BirthDate = Today.AddDays(1),
        };
        Assert.Equal(
            [("REG-NAME-REQUIRED", "Name"), ("REG-RID-CHECKDIGIT", "DocumentNumber"), ("REG-BIRTHDATE-RANGE", "BirthDate")],
            Codes(RegistryValidation.ValidatePerson(person, Today)));
    }
}
