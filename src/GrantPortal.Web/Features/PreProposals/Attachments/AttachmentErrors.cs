namespace GrantPortal.Web.Features.PreProposals.Attachments;

public static class AttachmentErrors
{
    public const string NotPdf = "ATT-NOT-PDF";
    public const string PdfBroken = "ATT-PDF-BROKEN";
    public const string Empty = "ATT-EMPTY";
    public const string TooLarge = "ATT-TOO-LARGE";
    public const string FileRequired = "ATT-FILE-REQUIRED";
    public const string NotMultipart = "ATT-NOT-MULTIPART";
    public const string KindRequired = "ATT-KIND-REQUIRED";
    public const string KindInvalid = "ATT-KIND-INVALID";
    public const string SignedOnInvalid = "ATT-SIGNED-ON-INVALID";
    public const string SignedOnFuture = "ATT-SIGNED-ON-FUTURE";
    // DOC-JOINT-AGREEMENT: the joint agreement carries its signing date (text in Applications.json).
    public const string SignedOnRequired = "DOC-JOINT-AGREEMENT-DATE";
    public const string NotFound = "ATT-NOT-FOUND";
    public const string NotEditor = "ATT-NOT-EDITOR";
    public const string NotEditable = "APP-NOT-EDITABLE";
}
