namespace GrantPortal.Domain.Common;

// An expected failure: a stable code (rule id or error code), the field it concerns, and named
// arguments for the message. Text is rendered at the edge from the resource files.
public sealed record Error(string Code, string? Field = null, IReadOnlyDictionary<string, string>? Args = null)
{
    public static Error For(string code, string? field = null, params (string Key, object? Value)[] args) =>
        new(code, field, args.Length == 0
            ? null
            : args.ToDictionary(a => a.Key, a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
}
