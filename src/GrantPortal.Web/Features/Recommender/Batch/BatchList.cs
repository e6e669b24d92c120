using System.Text.Json;
using GrantPortal.Web.Features.PreProposals;

namespace GrantPortal.Web.Features.Recommender.Batch;

// The canonical list of a batch, as stored (RecommendationBatch.ListJson) and hashed: everything the
// recommendation letter and the list of recommended projects print, resolved at the instant of
// sending, so that a later change of a registry does not change what was sent.
// Number and Contact were added with the printed letter; a batch stored before them has neither
// (its number is then derived from its id, BatchNumber.Of, and no contact is printed).
public sealed record BatchList(
    BatchListUnit RecommendingUnit, string CallCode, string CallTitle, DateTimeOffset SentAt, string SentBy, IReadOnlyList<BatchListItem> Items,
    string? Number = null, BatchListContact? Contact = null)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Options);

    public static BatchList FromJson(string json) => JsonSerializer.Deserialize<BatchList>(json, Options) ?? throw new InvalidOperationException("Empty list");

    public static string Sha256Hex(string json) => SubmittedSnapshot.Sha256Hex(json);
}

// The recommending unit as the registry held it when the batch was sent (Kind: UnitKind's name).
public sealed record BatchListUnit(
    Guid Id, string Name, string? NameEn, string? SocialCreditCode, string? Kind = null, string? Province = null, string? SupervisingMinistry = null);

// Who sent the batch and how to reach them, from the officer's account at that instant.
public sealed record BatchListContact(string Name, string? Email, string? Phone);

public sealed record BatchListItem(
    int Number, Guid ProposalId, string SubmissionNumber, string Title, string DirectionNumber, string DirectionTitle,
    string LeadUnit, string LeadUnitCode, string? Pi, int? DurationMonths, decimal? RequestedBudget, DateTimeOffset SubmittedAt, string ContentHash);
