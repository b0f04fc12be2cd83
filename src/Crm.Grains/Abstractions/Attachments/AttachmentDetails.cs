namespace Crm.Grains.Abstractions.Attachments;

/// <summary>
/// A stored attachment as messages reference it. <see cref="FileName"/> is the name the user gave, for display;
/// <see cref="BlobKey"/> (from <see cref="Blobs.BlobKeys.Attachment"/>) locates the bytes in the blob store, and
/// <see cref="ContentType"/> is the canonical type that <see cref="AttachmentRules"/> accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.attachments.attachment-details")]
public sealed record AttachmentDetails(
    string Id,
    string FileName,
    string ContentType,
    long Size,
    string BlobKey);
