namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>
/// A read-only view of a file from <c>start</c> to its end, so a folder blob's header is invisible to readers: position 0
/// is the blob's first byte and <see cref="Length"/> its length (what range requests and Content-Length rely on).
/// </summary>
internal sealed class BlobSliceStream(FileStream file, long start) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => file.Length - start;

    public override long Position
    {
        get => file.Position - start;
        set => file.Position = start + (value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A position is never negative."));
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => file.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        file.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        file.ReadAsync(buffer, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
        };
        return Position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A blob is read-only; put a new one instead.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A blob is read-only; put a new one instead.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => file.DisposeAsync();
}
