using GrantPortal.Domain.Common;

namespace GrantPortal.Domain.Calls;

// GUIDE-EXPERT-BAR: why a person is on a call's list.
public enum GuideExpertRole
{
    ConsultativeCommittee = 1, // 专项咨询委员会委员
    GuideDrafting = 2,         // 参与本年度指南编制的专家
}

// A person of the people registry who may not apply to this call's programme this year
// (GUIDE-EXPERT-BAR); the platform admin keeps the list of each call.
public sealed class GuideExpert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public CallId CallId { get; set; }
    public PersonId PersonId { get; set; }
    public GuideExpertRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
