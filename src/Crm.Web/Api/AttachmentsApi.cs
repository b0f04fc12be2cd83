using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class AttachmentsApi
{
    /// <summary>The whole multipart request may be a little larger than the file it carries.</summary>
    private const long RequestLimit = AttachmentRules.MaxBytes + 64 * 1024;

    /// <summary>/api/attachments: upload one file (multipart field "file"), and read it back in the same workspace.</summary>
    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/attachments").WithTags("Attachments");
        api.MapPost("/", UploadAsync).DisableAntiforgery().RequirePolicy(CrmPolicies.Converse);
        api.MapGet("/{attachmentId}/{fileName}", DownloadAsync).RequirePolicy(CrmPolicies.Staff);
        return endpoints;
    }

    private static async Task<Created<AttachmentDetails>> UploadAsync(
        HttpContext context, WorkspaceUser user, AttachmentService attachments, CancellationToken cancellationToken)
    {
        var details = await ReceiveAsync(context, user.WorkspaceId, attachments, cancellationToken);
        return TypedResults.Created($"/api/attachments/{details.Id}/{details.FileName}", details);
    }

    /// <summary>Reads one multipart file into the workspace's store after the attachment rules (console and widget alike).</summary>
    internal static async Task<AttachmentDetails> ReceiveAsync(HttpContext context, string workspaceId, AttachmentService attachments, CancellationToken cancellationToken)
    {
        // Raised for this endpoint only: every other request keeps the 1 MB limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = RequestLimit;
        if (!context.Request.HasFormContentType)
            throw new DomainException(DomainErrorKind.Invalid, "Upload a file as multipart/form-data in a field named 'file'.");
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw new DomainException(DomainErrorKind.Invalid, "The form has no field named 'file'.");
        if (file.Length > AttachmentRules.MaxBytes)
            throw new DomainException(DomainErrorKind.Invalid, $"'{file.FileName}' is larger than {AttachmentRules.MaxSizeText}.");
        await using var stream = file.OpenReadStream();
        return await attachments.StoreAsync(workspaceId, file.FileName, file.ContentType, stream, file.Length, cancellationToken);
    }

    private static async Task<IResult> DownloadAsync(
        string attachmentId, string fileName, HttpContext context, WorkspaceUser user, AttachmentService attachments, CancellationToken cancellationToken)
    {
        var blob = await attachments.OpenAsync(user.WorkspaceId, attachmentId, fileName, cancellationToken);
        return Serve(context, blob, fileName);
    }

    internal static IResult Serve(HttpContext context, Grains.Abstractions.Blobs.BlobContent blob, string fileName)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Images show inline; everything else downloads, so a document can never run in the app's origin.
        var inline = blob.ContentType.StartsWith("image/", StringComparison.Ordinal);
        return Results.Stream(blob.Stream, blob.ContentType, inline ? null : fileName, enableRangeProcessing: true);
    }
}
