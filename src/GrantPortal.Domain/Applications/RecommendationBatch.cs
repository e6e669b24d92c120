using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Applications;

// What a recommending unit sent to the Exchange Center in one go: the endorsed applications of one
// call, as they were at that instant. The recommendation letter and the list of recommended
// projects (推荐函, 推荐项目清单) are generated from it: ListJson is the canonical list (UTF-8 JSON),
// ListHash its SHA-256, so that a printed copy can be checked against exactly what was sent.
public sealed class RecommendationBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public UnitId RecommendingUnitId { get; set; }
    public CallId CallId { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public Guid SentByUserId { get; set; }
    public string SentByName { get; set; } = "";
    public string ListJson { get; set; } = "";
    public string ListHash { get; set; } = "";
    public List<RecommendationBatchItem> Items { get; set; } = [];
}

// One application of a batch: the submission (number and content hash) that was sent.
public sealed class RecommendationBatchItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public ProposalId ProposalId { get; set; }
    public string SubmissionNumber { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public int SortOrder { get; set; }
}
