using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Blobs;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Web.Services;

/// <summary>
/// Stores uploads after the attachment rules (type, size, the content really being what it claims) and reads them
/// back. Keys are built from the caller's workspace only, never taken from a client, so nobody reads across workspaces.
/// </summary>
public sealed class AttachmentService(IBlobStore blobs)
{
    public async Task<AttachmentDetails> StoreAsync(string workspaceId, string fileName, string? contentType, Stream content, long length, CancellationToken cancellationToken)
    {
        // The rules sniff the first bytes and rewind, so the stream must seek: buffer small uploads in memory.
        await using var seekable = content.CanSeek ? null : new MemoryStream();
        if (seekable is not null)
        {
            await content.CopyToAsync(seekable, cancellationToken);
            seekable.Position = 0;
        }
        var stream = seekable ?? content;
        var type = await AttachmentRules.CheckAsync(fileName, contentType, stream, cancellationToken);
        var id = Ids.New();
        var key = BlobKeys.Attachment(workspaceId, id, fileName);
        await blobs.PutAsync(key, stream, type.ContentType, cancellationToken);
        return new AttachmentDetails(id, BlobKeys.SanitizeFileName(fileName), type.ContentType, length, key);
    }

    /// <summary>
    /// Rebuilds an uploaded attachment's details from the store itself, so a client names a file by id and name and
    /// never supplies (or forges) a storage key, type or size.
    /// </summary>
    public async Task<AttachmentDetails> DescribeAsync(string workspaceId, string attachmentId, string fileName, CancellationToken cancellationToken)
    {
        await using var blob = await OpenAsync(workspaceId, attachmentId, fileName, cancellationToken);
        return new AttachmentDetails(attachmentId, BlobKeys.SanitizeFileName(fileName), blob.ContentType, blob.Length,
            BlobKeys.Attachment(workspaceId, attachmentId, fileName));
    }

    /// <summary>The attachment's bytes, or NotFound. Dispose the result.</summary>
    public async Task<BlobContent> OpenAsync(string workspaceId, string attachmentId, string fileName, CancellationToken cancellationToken) =>
        await blobs.OpenReadAsync(BlobKeys.Attachment(workspaceId, Ids.Require(attachmentId, "attachment"), fileName), cancellationToken)
        ?? throw new DomainException(DomainErrorKind.NotFound, "This attachment does not exist.");
}
