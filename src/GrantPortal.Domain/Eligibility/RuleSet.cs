namespace GrantPortal.Domain.Eligibility;

// The rules the platform knows. A call's rule set is data (GrantCall.RuleIds): Run checks only
// the rules the call names, with the call's own dates and limits, and returns every finding.
public static class RuleSet
{
    public static readonly IReadOnlyList<IEligibilityRule> All =
    [
        new UnitMainland(), new UnitRegDate(), new UnitNotStateOrgan(), new UnitIntegrity(), new UnitOneRecommender(), new RecommenderScope(),
        new ForeignPartnerRequired(), new ForeignPartnerAge(), new ForeignCooperationProof(), new ForeignLeadAge(), new ForeignLeadTime(),
        new ForeignLeadOnePartner(), new ForeignMemberLimit(), new ForeignLeadLimit(),
        new PiAge(), new PiTitle(), new PiTime(), new PiNotCivilServant(), new PiOneApplication(), new PiNoOngoingLead(),
        new KrdLeaderNoParticipation(), new KeyMemberLimit(), new LeftTeamBar(), new OngoingCutoff(), new GuideExpertBar(), new ForeignPiEmployment(),
        new DirectionIndicators(), new DocJointAgreement(), new DocIntegrity(), new DocIpAgreement(), new DocEnterpriseMatching(),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(r => r.Id)];

    public static IReadOnlyList<Finding> Run(EligibilityInput input)
    {
        var ids = input.Call.RuleIds.ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(r => ids.Contains(r.Id)).SelectMany(r => r.Check(input))];
    }
}
