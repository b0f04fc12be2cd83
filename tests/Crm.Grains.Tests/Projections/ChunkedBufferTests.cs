using System.Buffers;
using Crm.Grains.Projections;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>
/// The chunks a large snapshot is written into and read back from: every byte in order, whatever sizes the serializer
/// asks for or the database's stream hands back.
/// </summary>
public sealed class ChunkedBufferTests
{
    private static readonly byte[] Bytes = Enumerable.Range(0, 2_600_000).Select(i => (byte)(i * 7 % 253)).ToArray();

    [Fact]
    public void Write_SmallAndLargerThanAChunk_ReadsBackEveryByteInOrder()
    {
        using var buffer = new ChunkedBuffer();
        var at = 0;
        foreach (var size in new[] { 10, 1_500_000, 0, 3, 1_099_987 })
        {
            var span = buffer.GetSpan(size);
            Bytes.AsSpan(at, size).CopyTo(span);
            buffer.Advance(size);
            at += size;
        }

        Assert.Equal(Bytes.Length, buffer.Length);
        Assert.False(buffer.AsSequence().IsSingleSegment);
        Assert.True(Bytes.AsSpan().SequenceEqual(buffer.AsSequence().ToArray()));
        Assert.Throws<InvalidOperationException>(() => buffer.Advance(2_000_000));
    }

    [Fact]
    public async Task ReadAllAsync_AStreamOfShortReads_KeepsEveryByteInOrder()
    {
        var data = await ChunkedBuffer.ReadAllAsync(new Trickle(Bytes, 70_001));

        Assert.False(data.IsSingleSegment);
        Assert.True(Bytes.AsSpan().SequenceEqual(data.ToArray()));
        Assert.True((await ChunkedBuffer.ReadAllAsync(new MemoryStream())).IsEmpty);
    }

    /// <summary>Hands back at most <paramref name="most"/> bytes a read, as a socket or a blob may.</summary>
    private sealed class Trickle(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }
}
