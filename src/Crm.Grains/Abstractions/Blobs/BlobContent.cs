namespace Crm.Grains.Abstractions.Blobs;

/// <summary>
/// An open blob: its bytes, the content type it was stored with and its length. Owns <see cref="Stream"/>:
/// dispose it to release the file handle or the HTTP response behind it.
/// </summary>
public sealed class BlobContent(Stream stream, string contentType, long length) : IAsyncDisposable, IDisposable
{
    public Stream Stream { get; } = stream ?? throw new ArgumentNullException(nameof(stream));

    public string ContentType { get; } = contentType ?? throw new ArgumentNullException(nameof(contentType));

    public long Length { get; } = length >= 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), length, "A blob's length is never negative.");

    public ValueTask DisposeAsync() => Stream.DisposeAsync();

    public void Dispose() => Stream.Dispose();
}
