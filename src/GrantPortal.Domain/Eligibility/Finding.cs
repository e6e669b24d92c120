using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Eligibility;

// "Blocking" rules stop submission; "review" rules let it through, flagged for the Exchange
// Center's formal review (DOMAIN.md "Eligibility rules").
public enum Severity
{
    Blocking = 1,
    Review = 2,
}

public enum SubjectKind
{
    Application = 1,
    Unit = 2,
    Person = 3,
    Document = 4,
}

// One failing rule for one subject: the rule id, its severity, the unit, person or document
// concerned, the field or document to fix (a field of the edit form or "Attachments.<Kind>"), and
// named arguments of the message. The message code is the rule id unless a rule has more than one
// message (e.g. DOC-JOINT-AGREEMENT-DATE); the text lives in the resource files.
public sealed record Finding(
    string RuleId,
    Severity Severity,
    SubjectKind SubjectKind,
    string? SubjectId,
    string? SubjectName,
    string? Field,
    IReadOnlyDictionary<string, string> Args,
    string? MessageCode = null)
{
    public string Code => MessageCode ?? RuleId;

    public bool IsBlocking => Severity == Severity.Blocking;

    // The rule id travels with the message's arguments ("rule"), for the API's errors array.
    public Error ToError() => new(Code, Field, new Dictionary<string, string>(Args) { ["rule"] = RuleId });
}
