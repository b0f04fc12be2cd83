namespace Crm.Grains.Abstractions.Blobs;

/// <summary>
/// Stores opaque files (attachments, transcript archives, backups) by key. Crm.Grains owns this contract; Crm.Silo binds
/// a folder under the data folder (single node) or Azure Blob Storage (cluster). Keys come from <see cref="BlobKeys"/>,
/// so they always start with the workspace id; every method refuses a key that <see cref="BlobKeys.Validate"/> refuses.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores <paramref name="content"/> (read from its position to its end) under <paramref name="key"/> with
    /// <paramref name="contentType"/> (1–255 printable ASCII characters), replacing any blob already there. Returns once the
    /// blob is durable; readers see either the previous blob or the whole new one, never a partial write.
    /// </summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob for reading, or returns null when there is none. The caller disposes the result.</summary>
    Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the blob; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Whether a blob is stored under <paramref name="key"/>.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);
}
