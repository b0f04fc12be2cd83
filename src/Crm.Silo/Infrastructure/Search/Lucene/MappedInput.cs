using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// Reads a <see cref="MappedFile"/> (or a slice of one: a file inside a compound file) straight from memory. Lucene
/// clones an input for every terms and postings enumerator it opens, dozens per search and segment; this input's clone
/// is a copy of its fields. Lucene.NET's own memory-mapped input registered every clone in a weak table (a GC handle
/// each, under a lock) and read each byte through a view accessor that takes and releases the mapping's handle: the two
/// were a third of a type-ahead search's CPU. Reads check that the file is still mapped, so a clone used after its
/// segment was closed throws instead of reading unmapped memory; Lucene closes a segment's files only when no reader
/// holds it.
/// </summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly MappedFile file;
    private readonly long offset;
    private readonly long length;
    private bool owner;
    private long position;

    /// <param name="owner">Whether disposing this input unmaps the file (the input a directory opened, not a clone or slice).</param>
    public MappedInput(string description, MappedFile file, long offset, long length, bool owner)
        : base(description)
    {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.owner = owner;
    }

    public override long Length => length;

    public override long Position => position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > length) throw new EndOfStreamException($"Seek to {pos} outside 0..{length}: {this}");
        position = pos;
    }

    public override byte ReadByte()
    {
        var at = Next(1);
        return *at;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        var at = Next(len);
        new ReadOnlySpan<byte>(at, len).CopyTo(b.AsSpan(offset, len));
    }

    // Lucene writes numbers big-endian.
    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(Next(2), 2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(Next(4), 4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(Next(8), 8));

    public override void SkipBytes(long numBytes)
    {
        if (numBytes < 0) throw new ArgumentOutOfRangeException(nameof(numBytes), "Cannot skip a negative number of bytes.");
        Seek(position + numBytes);
    }

    public override object Clone()
    {
        var clone = (MappedInput)base.Clone();
        clone.owner = false;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && owner) file.Dispose();
    }

    /// <summary>The next <paramref name="count"/> bytes, moving past them; throws past the end or once unmapped.</summary>
    private byte* Next(int count)
    {
        var start = file.Start;
        if (start == null) throw new ObjectDisposedException(ToString(), "The index file was closed.");
        if (count < 0 || count > length - position) throw new EndOfStreamException($"Read past the end: {this}");
        var at = start + offset + position;
        position += count;
        return at;
    }
}
