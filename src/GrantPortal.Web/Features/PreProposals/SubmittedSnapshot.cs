using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrantPortal.Web.Features.PreProposals;

// The canonical content of a submitted pre-proposal: everything submitted, names and codes
// resolved from the registries at the instant of submission, attachments with their hashes. It is
// serialized once (camelCase, properties in declaration order, no indentation, UTF-8) and stored;
// the receipt's SHA-256 is of exactly those bytes, and the printed copy is rendered from them.
public sealed record SubmittedSnapshot(
    string SubmissionNumber,
    DateTimeOffset SubmittedAt,
    string CallCode,
    string CallTitle,
    string DirectionNumber,
    string DirectionTitle,
    string Title,
    SnapshotUnit LeadUnit,
    SnapshotPerson Pi,
    int? PiMonthsPerYear,
    IReadOnlyList<SnapshotUnit> ParticipatingUnits,
    IReadOnlyList<SnapshotMember> Members,
    int? DurationMonths,
    decimal? RequestedBudget,
    decimal? MatchingFundsPercent,
    string Objectives,
    IReadOnlyList<SnapshotIndicator> IndicatorAnswers,
    string Innovation,
    string TechnicalRoute,
    string ResearchBasis,
    int NarrativeLength,
    IReadOnlyList<SnapshotAttachment> Attachments,
    SnapshotUnit RecommendingUnit,
    string SubmittedBy,
    // FOREIGN-LEAD-AGE: the exception claimed for the foreign lead, if any (absent from snapshots
    // taken before the claim existed).
    SnapshotForeignLeadException? ForeignLeadException = null)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Options);

    public static SubmittedSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<SubmittedSnapshot>(json, Options) ?? throw new InvalidOperationException("Empty snapshot");

    public static string Sha256Hex(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
}

// Identifiers as people read them: a credit code, or country plus registration number.
public sealed record SnapshotUnit(Guid Id, string Name, string? NameEn, string Identifier, bool IsForeign);

public sealed record SnapshotPerson(Guid Id, string Name, string? NameEn, string DocumentType, string DocumentNumber, string? UnitName);

public sealed record SnapshotMember(string Role, SnapshotPerson Person);

public sealed record SnapshotIndicator(int Number, string Indicator, string Answer);

public sealed record SnapshotAttachment(string Kind, string FileName, long SizeBytes, string Sha256, DateOnly? SignedOn);

public sealed record SnapshotForeignLeadException(string Kind, string Statement);
