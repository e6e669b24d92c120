using System.Globalization;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Registries;

namespace GrantPortal.Domain.Eligibility;

// Builders of findings with the subject's name among the message's arguments ({unit}, {person}).
internal static class Findings
{
    public static Finding Unit(string rule, Unit unit, string field, params (string Key, object? Value)[] args) =>
        new(rule, Severity.Blocking, SubjectKind.Unit, unit.Id.ToString(), unit.Name, field, Args([("unit", unit.Name), .. args]));

    public static Finding Person(string rule, Person person, string field, params (string Key, object? Value)[] args) =>
        new(rule, Severity.Blocking, SubjectKind.Person, person.Id.ToString(), person.Name, field, Args([("person", person.Name), .. args]));

    public static Finding Document(string rule, AttachmentKind kind, params (string Key, object? Value)[] args) =>
        new(rule, Severity.Blocking, SubjectKind.Document, kind.ToString(), kind.ToString(), "Attachments." + kind, Args([("kind", kind), .. args]));

    public static Finding Application(string rule, EligibilityInput input, string field, params (string Key, object? Value)[] args) =>
        new(rule, Severity.Blocking, SubjectKind.Application, input.Proposal.Id.ToString(), input.Proposal.Title, field, Args(args));

    public static Finding AsReview(this Finding f) => f with { Severity = Severity.Review };

    public static Finding WithCode(this Finding f, string code) => f with { MessageCode = code };

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Codes(IEnumerable<OngoingProject> projects) => string.Join(", ", projects.Select(p => p.ProjectCode));

    private static Dictionary<string, string> Args(IEnumerable<(string Key, object? Value)> args) =>
        args.ToDictionary(a => a.Key, a => a.Value switch
        {
            DateOnly d => Day(d),
            null => "",
            var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        });
}
