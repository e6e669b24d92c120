namespace GrantPortal.Domain.Eligibility;

// One rule of the guide (DOMAIN.md "Eligibility rules", "Documents"). A rule is pure: it reads
// only its input (the call's parameters among it), never the clock or the database, and reports
// every failing subject, never only the first. It never throws on incomplete drafts: what is not
// filled in yet is not its business (PRE-REQUIRED is).
public interface IEligibilityRule
{
    string Id { get; }

    IEnumerable<Finding> Check(EligibilityInput input);
}
