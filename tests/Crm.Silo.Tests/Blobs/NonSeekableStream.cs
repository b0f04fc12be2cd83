namespace Crm.Silo.Tests.Blobs;

/// <summary>
/// A forward-only stream, as a request body is: stores must not rely on Length or Seek. With <c>failAfter</c>, reading past
/// that many bytes throws, as a dropped upload would.
/// </summary>
public sealed class NonSeekableStream(byte[] data, long failAfter = long.MaxValue) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= failAfter)
        {
            throw new IOException($"The upload broke off after {failAfter} bytes.");
        }

        // Short reads on purpose, like a network stream, and never across the failure point.
        var count = (int)Math.Min(Math.Min(buffer.Length, 7_919), Math.Min(data.Length - position, failAfter - position));
        data.AsSpan((int)position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
