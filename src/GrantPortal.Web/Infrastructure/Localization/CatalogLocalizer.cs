using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GrantPortal.Web.Infrastructure.Localization;

// Marker for `IStringLocalizer<Messages>`: every area shares one catalog.
public sealed class Messages;

public sealed class CatalogLocalizer(Catalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, text ?? $"[[{name}]]", resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = catalog.Find(name, CultureInfo.CurrentUICulture);
            if (text is null) return new LocalizedString(name, $"[[{name}]]", resourceNotFound: true);
            if (arguments is [IReadOnlyDictionary<string, string> named]) return new LocalizedString(name, Catalog.Fill(text, named));
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text, arguments));
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.All.Keys.Select(k => this[k]);
}

public sealed class CatalogLocalizerFactory(Catalog catalog) : IStringLocalizerFactory
{
    private readonly CatalogLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

public sealed class CatalogLocalizer<T>(IStringLocalizerFactory factory) : IStringLocalizer<T>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(T));

    public LocalizedString this[string name] => _inner[name];

    public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}

public static class LocalizerExtensions
{
    public static string Error(this IStringLocalizer localizer, GrantPortal.Domain.Common.Error error) =>
        error.Args is { Count: > 0 } args ? localizer[error.Code, args].Value : localizer[error.Code].Value;
}
