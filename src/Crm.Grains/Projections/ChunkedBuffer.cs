using System.Buffers;

namespace Crm.Grains.Projections;

/// <summary>
/// Bytes written in pooled chunks of 1 MB and read back as one sequence: a large snapshot is serialized without ever
/// being one contiguous array (which would be copied again into the array and then into the database). Dispose returns
/// pooled chunks; unpooled ones (<see cref="ReadAllAsync"/>) are left to the collector, so their sequence may outlive it.
/// </summary>
public sealed class ChunkedBuffer(bool pooled = true) : IBufferWriter<byte>, IDisposable
{
    private const int ChunkBytes = 1 << 20;

    private readonly List<Chunk> _chunks = [];
    private Chunk? _current;

    public long Length { get; private set; }

    public void Advance(int count)
    {
        if (_current is null || count < 0 || _current.Written + count > _current.Array.Length)
            throw new InvalidOperationException("Advanced past the span handed out.");
        _current.Written += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).Array.AsMemory(_current!.Written);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).Array.AsSpan(_current!.Written);

    /// <summary>What was written, in order; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySequence<byte> AsSequence()
    {
        if (_chunks.Count == 0) return ReadOnlySequence<byte>.Empty;
        if (_chunks.Count == 1) return new ReadOnlySequence<byte>(_chunks[0].Array, 0, _chunks[0].Written);
        Segment? first = null, last = null;
        foreach (var chunk in _chunks.Where(c => c.Written > 0))
            last = last is null ? first = new Segment(chunk.Array.AsMemory(0, chunk.Written), 0) : last.Append(chunk.Array.AsMemory(0, chunk.Written));
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    /// <summary>
    /// The rest of <paramref name="stream"/> as a sequence of unpooled chunks: a large snapshot is read without one
    /// contiguous copy of it (nor the driver's own).
    /// </summary>
    public static async Task<ReadOnlySequence<byte>> ReadAllAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var buffer = new ChunkedBuffer(pooled: false);
        while (true)
        {
            var memory = buffer.GetMemory();
            var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0) return buffer.AsSequence();
            buffer.Advance(read);
        }
    }

    public void Dispose()
    {
        if (pooled)
            foreach (var chunk in _chunks) ArrayPool<byte>.Shared.Return(chunk.Array);
        _chunks.Clear();
        _current = null;
        Length = 0;
    }

    private Chunk Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current is null || _current.Array.Length - _current.Written < needed)
        {
            var size = Math.Max(needed, ChunkBytes);
            _current = new Chunk(pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size]);
            _chunks.Add(_current);
        }
        return _current;
    }

    private sealed class Chunk(byte[] array)
    {
        public byte[] Array { get; } = array;

        public int Written { get; set; }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
