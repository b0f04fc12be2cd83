using Crm.Silo.Infrastructure.Search.Lucene;
using Lucene.Net.Store;
using Xunit;

namespace Crm.Silo.Tests.Search;

/// <summary>
/// The search index's own file reader: what Lucene writes reads back the same through an input, its clones and the
/// slices of a compound file; reads past the end and reads after the segment was closed throw, never crash.
/// </summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-mapped-{Guid.NewGuid():N}");
    private readonly MappedDirectory directory;

    public MappedDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(folder);
        directory = new MappedDirectory(folder);
    }

    [Fact]
    public void OpenInput_WhatLuceneWrote_ReadsBackTheSameFromTheInputAndFromEachClone()
    {
        Write("values", output =>
        {
            output.WriteByte(7);
            output.WriteInt16(-2);
            output.WriteInt32(123_456_789);
            output.WriteInt64(-9_876_543_210_123L);
            output.WriteVInt32(300);
            output.WriteVInt32(-1);
            output.WriteVInt64(1L << 40);
            output.WriteString("Kimberly Wade");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
            // Last, with fewer bytes left than the longest number takes.
            output.WriteVInt32(200);
        });

        using var input = directory.OpenInput("values", IOContext.DEFAULT);
        Assert.Equal(7, input.ReadByte());
        var clone = (IndexInput)input.Clone();
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(123_456_789, input.ReadInt32());
        Assert.Equal(-9_876_543_210_123L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal(-1, input.ReadVInt32());
        Assert.Equal(1L << 40, input.ReadVInt64());
        Assert.Equal("Kimberly Wade", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, bytes);
        Assert.Equal(200, input.ReadVInt32());
        Assert.Equal(input.Length, input.Position);

        // The clone kept its own position (just past the first byte) while the original read on.
        Assert.Equal(1, clone.Position);
        Assert.Equal(-2, clone.ReadInt16());
        clone.Seek(input.Length - 7);
        Assert.Equal(1, clone.ReadByte());
    }

    [Fact]
    public void Reads_PastTheEnd_ThrowEndOfStream()
    {
        Write("short", output => output.WriteInt32(42));

        using var input = directory.OpenInput("short", IOContext.DEFAULT);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt64());
        Assert.Equal(0, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.Seek(5));
        input.Seek(4);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void Clone_ReadAfterItsFileWasClosed_ThrowsInsteadOfReadingUnmappedMemory()
    {
        Write("closed", output => output.WriteInt64(1));
        var input = directory.OpenInput("closed", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();

        input.Dispose();

        Assert.Throws<ObjectDisposedException>(() => clone.ReadInt64());
    }

    [Fact]
    public void CreateSlicer_SlicesOfOneFile_EachReadOnlyItsOwnBytes()
    {
        Write("compound", output =>
        {
            output.WriteInt32(1);
            output.WriteInt32(2);
            output.WriteInt32(3);
        });

        using var slicer = directory.CreateSlicer("compound", IOContext.DEFAULT);
        using var middle = slicer.OpenSlice("middle", 4, 4);
        Assert.Equal(4, middle.Length);
        Assert.Equal(2, middle.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => middle.ReadByte());
        using var last = slicer.OpenSlice("last", 8, 4);
        Assert.Equal(3, ((IndexInput)last.Clone()).ReadInt32());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("outside", 8, 8));
    }

    [Fact]
    public void OpenInput_AnEmptyFile_HasNoBytesAndAMissingOneIsNotFound()
    {
        Write("empty", _ => { });

        using var empty = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
        Assert.Throws<FileNotFoundException>(() => directory.OpenInput("missing", IOContext.DEFAULT));
    }

    private void Write(string name, Action<IndexOutput> write)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        write(output);
    }

    public void Dispose()
    {
        directory.Dispose();
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
