using System.Text.Json.Nodes;
using GrantPortal.Domain.Applications;
using GrantPortal.Domain.Common;
using GrantPortal.Web.Infrastructure.Authorization;
using GrantPortal.Web.Infrastructure.Localization;
using GrantPortal.Web.Infrastructure.Web;
using Mediator;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace GrantPortal.Web.Features.PreProposals.Attachments;

// /api/v1/pre-proposals/{id}/attachments: the same commands as the page. Uploading takes the
// Applicant policy and an editor of the draft; listing and downloading any signed-in role that may
// see the proposal (404 otherwise).
public static class AttachmentsEndpoints
{
    // For the OpenAPI document only: the body is read as a stream, never bound.
    private static readonly OpenApiRequestBody UploadBody = new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { MultipartUpload.KindField, MultipartUpload.FileField },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        [MultipartUpload.KindField] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Enum = [.. Enum.GetNames<AttachmentKind>().Select(n => (JsonNode)JsonValue.Create(n))],
                        },
                        [MultipartUpload.SignedOnField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "Required for JointAgreement" },
                        [MultipartUpload.FileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The PDF; sent after the other fields" },
                    },
                },
            },
        },
    };

    public sealed record AttachmentListBody(Guid ProposalId, string State, long MaxBytes, IReadOnlyList<AttachmentView> Attachments);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pre-proposals/{id:guid}/attachments").WithTags("Pre-proposal attachments");

        group.MapPost("", Upload)
            .RequireAuthorization(Policies.Applicant)
            .DisableAntiforgery()
            // Documented by hand: Accepts<T> metadata would make routing refuse other content types
            // before the handler could answer ATT-NOT-MULTIPART.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadBody;
                return Task.CompletedTask;
            })
            .Produces<AttachmentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("UploadPreProposalAttachment")
            .WithSummary("Upload or replace an attachment of a draft (PDF only)")
            .WithDescription("multipart/form-data with the fields `kind` (an AttachmentKind such as JointAgreement), `signedOn` " +
                             "(yyyy-MM-dd, required for JointAgreement) and then `file` — the fields before the file. The file must be a " +
                             "PDF by content (header %PDF-1.x or %PDF-2.x at offset 0, startxref and %%EOF at the end), at most the call's " +
                             "attachment limit. Codes: ATT-NOT-PDF, ATT-PDF-BROKEN, ATT-EMPTY, ATT-TOO-LARGE (413), ATT-KIND-REQUIRED, " +
                             "ATT-KIND-INVALID, DOC-JOINT-AGREEMENT-DATE, ATT-SIGNED-ON-INVALID, ATT-SIGNED-ON-FUTURE, ATT-FILE-REQUIRED, " +
                             "ATT-NOT-EDITOR (403), APP-NOT-EDITABLE (409). Replacing keeps the earlier version, superseded, until submission.");

        group.MapGet("", List)
            .RequireAuthorization(Policies.Authenticated)
            .Produces<AttachmentListBody>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListPreProposalAttachments")
            .WithSummary("The attachments of a pre-proposal, current and superseded");

        group.MapGet("/{attachmentId:guid}", Download)
            .RequireAuthorization(Policies.Authenticated)
            .Produces(StatusCodes.Status200OK, contentType: AttachmentDownloads.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DownloadPreProposalAttachment")
            .WithSummary("Download an attachment (ETag: its SHA-256)");
    }

    private static async Task<IResult> Upload(Guid id, HttpContext http, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct)
    {
        var result = await MultipartUpload.SendAsync(http, new ProposalId(id), mediator, beforeFile: null, ct);
        if (result!.Stored is { } stored) return Results.Created(stored.DownloadUrl, stored);
        var status = result.Outcome switch
        {
            UploadOutcome.NotFound => StatusCodes.Status404NotFound,
            UploadOutcome.NotEditor => StatusCodes.Status403Forbidden,
            UploadOutcome.NotEditable => StatusCodes.Status409Conflict,
            _ when result.Errors.Any(e => e.Code == AttachmentErrors.TooLarge) => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        return Problem(l, status, result.Errors);
    }

    private static async Task<IResult> List(Guid id, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct) =>
        await mediator.Send(new ListAttachments(new ProposalId(id)), ct) is { } list
            ? Results.Ok(new AttachmentListBody(list.ProposalId, list.State.ToString(), list.MaxBytes, [.. list.All]))
            : NotFound(l);

    private static async Task<IResult> Download(Guid id, Guid attachmentId, HttpContext http, IMediator mediator, IStringLocalizer<Messages> l, CancellationToken ct)
    {
        if (await mediator.Send(new DownloadAttachment(new ProposalId(id), new AttachmentId(attachmentId)), ct) is not { } download) return NotFound(l);
        AttachmentDownloads.Prepare(http.Response, download.Attachment);
        return Results.Stream(download.Content, AttachmentDownloads.ContentType, download.Attachment.FileName,
            entityTag: AttachmentDownloads.ETag(download.Attachment));
    }

    private static IResult NotFound(IStringLocalizer<Messages> l) =>
        Problem(l, StatusCodes.Status404NotFound, [Error.For(AttachmentErrors.NotFound)]);

    private static IResult Problem(IStringLocalizer<Messages> l, int status, IEnumerable<Error> errors) =>
        ApiProblem.Create(l, status, status switch
        {
            StatusCodes.Status404NotFound => "Attachments.Problem.NotFound",
            StatusCodes.Status403Forbidden => "Attachments.Problem.Forbidden",
            StatusCodes.Status409Conflict => "Attachments.Problem.Conflict",
            StatusCodes.Status413PayloadTooLarge => "Attachments.Problem.TooLarge",
            _ => "Attachments.Problem.Invalid",
        }, errors);
}
