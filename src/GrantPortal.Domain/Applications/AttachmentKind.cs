namespace GrantPortal.Domain.Applications;

// The documents the guide requires (DOMAIN.md "Documents") and the evidence formal review judges.
public enum AttachmentKind
{
    JointAgreement = 1,          // DOC-JOINT-AGREEMENT, with its signing date
    UnitIntegrity = 2,           // DOC-INTEGRITY, signed by the lead unit
    PiIntegrity = 3,             // DOC-INTEGRITY, signed by the PI
    IpAgreement = 4,             // DOC-IP-AGREEMENT
    CooperationProof = 5,        // FOREIGN-COOPERATION-PROOF
    ForeignLeadAppointment = 6,  // FOREIGN-LEAD-TIME
    EmploymentProof = 7,         // FOREIGN-PI-EMPLOYMENT
    Other = 9,
}

public static class AttachmentKinds
{
    // Mandatory for every pre-proposal, with the rule that requires each.
    public static readonly IReadOnlyList<(AttachmentKind Kind, string RuleId)> Required =
    [
        (AttachmentKind.JointAgreement, "DOC-JOINT-AGREEMENT"),
        (AttachmentKind.UnitIntegrity, "DOC-INTEGRITY"),
        (AttachmentKind.PiIntegrity, "DOC-INTEGRITY"),
        (AttachmentKind.IpAgreement, "DOC-IP-AGREEMENT"),
        (AttachmentKind.CooperationProof, "FOREIGN-COOPERATION-PROOF"),
        (AttachmentKind.ForeignLeadAppointment, "FOREIGN-LEAD-TIME"),
    ];
}
