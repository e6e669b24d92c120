using System.Net;
using System.Text.RegularExpressions;
using GrantPortal.Domain.Common;
using GrantPortal.Domain.Registries;
using GrantPortal.Web.Infrastructure.Seed;
using GrantPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.Web.Tests.Registries;

// Registry records for tests (unique codes per call) and readers of the rendered registry pages.
public static partial class RegistryTestData
{
    private const string UsccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static string NewUscc() => SocialCreditCode.WithCheckDigit("9111000071" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

    public static string WithWrongCheckDigit(string code)
    {
        var wrong = UsccCharset[(UsccCharset.IndexOf(code[^1], StringComparison.Ordinal) + 1) % UsccCharset.Length];
        return code[..^1] + wrong;
    }

    public static string NewResidentId(DateOnly born) =>
        ResidentIdNumber.WithCheckDigit("110105" + born.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
            + Random.Shared.Next(0, 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));

    public static Task<UnitId> UnitIdAsync(this GrantPortalFactory app, string code) =>
        app.WithDbAsync(db => db.Units.Where(u => u.SocialCreditCode == code).Select(u => u.Id).SingleAsync());

    public static Task<UnitId> JinghuaAsync(this GrantPortalFactory app) => app.UnitIdAsync(SeedRegistry.UniversityCode);

    public static Task<UnitId> DonghaiAsync(this GrantPortalFactory app) => app.UnitIdAsync(SeedRegistry.SecondUniversityCode);

    public static async Task<Unit> AddUnitAsync(this GrantPortalFactory app, Action<Unit>? change = null)
    {
        var unit = new Unit
        {
            Name = "测试单位" + Guid.NewGuid().ToString("N")[..6], Kind = UnitKind.University, SocialCreditCode = NewUscc(),
            RegistrationDate = new DateOnly(2000, 1, 1), Province = "北京",
        };
        change?.Invoke(unit);
        await app.WithDbAsync(async db => { db.Units.Add(unit); await db.SaveChangesAsync(); });
        return unit;
    }

    public static Task<Person> PersonAsync(this GrantPortalFactory app, string documentNumber) =>
        app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.DocumentNumber == documentNumber));

    public static Dictionary<string, string> UnitForm(string name, string code, string kind = "University", string version = "0") => new()
    {
        ["Input.Name"] = name,
        ["Input.NameEn"] = "Test unit",
        ["Input.Kind"] = kind,
        ["Input.SocialCreditCode"] = code,
        ["Input.CountryCode"] = "",
        ["Input.ForeignRegistrationNumber"] = "",
        ["Input.RegistrationDate"] = "2001-02-03",
        ["Input.Province"] = "北京",
        ["Input.SupervisingMinistry"] = "教育部",
        ["Input.IsStateOrgan"] = "false",
        ["Input.IsCreditBlacklisted"] = "false",
        ["Input.IsVerified"] = "true",
        ["Input.Version"] = version,
    };

    public static Dictionary<string, string> PersonForm(string type, string number, string name, string birthDate, UnitId? unit, string version = "0") => new()
    {
        ["Input.DocumentType"] = type,
        ["Input.DocumentNumber"] = number,
        ["Input.Name"] = name,
        ["Input.NameEn"] = "",
        ["Input.BirthDate"] = birthDate,
        ["Input.Title"] = "Senior",
        ["Input.Degree"] = "Doctorate",
        ["Input.Nationality"] = "CN",
        ["Input.UnitId"] = unit?.ToString() ?? "",
        ["Input.IsCivilServant"] = "false",
        ["Input.IsVerified"] = "true",
        ["Input.Version"] = version,
    };

    // The codes shown beside a field: <div class="text-danger" id="<Field>-error"> with one
    // data-code per error.
    public static IReadOnlyList<string> FieldErrorCodes(string html, string field)
    {
        var block = Regex.Match(html, $"id=\"{Regex.Escape(field)}-error\">(.*?)</div>", RegexOptions.Singleline);
        return block.Success ? DataCode().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value).ToList() : [];
    }

    public static IReadOnlyList<string> SummaryCodes(string html)
    {
        var start = html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal);
        if (start < 0) return [];
        var end = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        return DataCode().Matches(html[start..end]).Select(m => m.Groups[1].Value).ToList();
    }

    // The value an input of the form shows (what the user typed is shown again).
    public static string? InputValue(string html, string name)
    {
        var tag = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        if (!tag.Success) return null;
        var value = Regex.Match(tag.Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    public static IReadOnlyList<string> RowIds(string html, string attribute) =>
        Regex.Matches(html, $"{attribute}=\"([0-9a-f-]+)\"").Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("data-code=\"([^\"]+)\"")]
    private static partial Regex DataCode();
}
