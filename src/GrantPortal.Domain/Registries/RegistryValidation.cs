using System.Collections.Frozen;
using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Registries;

// Validation of registry records (DOMAIN.md: units are identified by their unified social credit
// code, foreign units by country plus registration number; people by identity document). Every
// error is returned, not the first; fields are the property names of Unit and Person.
// A value is checked in its normalized form (trimmed, upper case), which is the form to store.
public static class RegistryValidation
{
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    // ISO 3166-1 alpha-2, the 249 officially assigned codes.
    private static readonly FrozenSet<string> CountryCodes = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
        BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
        EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
        GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
        KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
        MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
        QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
        TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
        ZW
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<Error> ValidateUnit(Unit unit, DateOnly today)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(unit.Name))
            errors.Add(Error.For("REG-NAME-REQUIRED", nameof(Unit.Name)));

        if (unit.IsForeign)
        {
            // A foreign unit is registered outside mainland China (FOREIGN-PARTNER-AGE, UNIT-MAINLAND):
            // Hong Kong, Macao and Taiwan count as outside the mainland here.
            if (!IsForeignCountry(unit.CountryCode))
                errors.Add(Error.For("REG-COUNTRY-INVALID", nameof(Unit.CountryCode)));
            if (string.IsNullOrWhiteSpace(unit.ForeignRegistrationNumber))
                errors.Add(Error.For("REG-FOREIGN-REGNO-REQUIRED", nameof(Unit.ForeignRegistrationNumber)));
            if (!string.IsNullOrWhiteSpace(unit.SocialCreditCode))
                errors.Add(Error.For("REG-FIELD-NOT-APPLICABLE", nameof(Unit.SocialCreditCode)));
        }
        else
        {
            if (SocialCreditCode.Validate(unit.SocialCreditCode, nameof(Unit.SocialCreditCode)) is { } uscc)
                errors.Add(uscc);
            if (!string.IsNullOrWhiteSpace(unit.CountryCode))
                errors.Add(Error.For("REG-FIELD-NOT-APPLICABLE", nameof(Unit.CountryCode)));
        }

        if (unit.RegistrationDate is { } registered && registered > today)
            errors.Add(Error.For("REG-DATE-FUTURE", nameof(Unit.RegistrationDate), ("today", today.ToString("O"))));
        return errors;
    }

    public static IReadOnlyList<Error> ValidatePerson(Person person, DateOnly today)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(person.Name))
            errors.Add(Error.For("REG-NAME-REQUIRED", nameof(Person.Name)));

        if (string.IsNullOrWhiteSpace(person.DocumentNumber))
            errors.Add(Error.For("REG-DOCNO-REQUIRED", nameof(Person.DocumentNumber)));
        else if (person.DocumentType == IdentityDocumentType.ResidentIdCard)
        {
            if (ResidentIdNumber.Validate(person.DocumentNumber, person.BirthDate, nameof(Person.DocumentNumber)) is { } rid)
                errors.Add(rid);
        }
        else if (!IsOtherDocumentNumber(person.DocumentNumber))
            errors.Add(Error.For("REG-DOCNO-FORMAT", nameof(Person.DocumentNumber), ("min", 5), ("max", 20)));

        if (person.BirthDate < EarliestBirthDate || person.BirthDate > today)
            errors.Add(Error.For("REG-BIRTHDATE-RANGE", nameof(Person.BirthDate),
                ("min", EarliestBirthDate.ToString("O")), ("max", today.ToString("O"))));
        return errors;
    }

    private static bool IsForeignCountry(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return false;
        var normalized = code.Trim().ToUpperInvariant();
        return normalized != "CN" && CountryCodes.Contains(normalized);
    }

    // Passports and the Hong Kong, Macao and Taiwan permits: 5 to 20 characters of A-Z and 0-9.
    private static bool IsOtherDocumentNumber(string value)
    {
        var number = value.Trim().ToUpperInvariant();
        return number.Length is >= 5 and <= 20 && number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
    }
}
