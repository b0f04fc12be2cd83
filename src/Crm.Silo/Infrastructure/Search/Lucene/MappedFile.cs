using System.IO.MemoryMappedFiles;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// One index file mapped into memory, read through a pointer by every <see cref="MappedInput"/> over it. The file's
/// descriptor is closed at once (the mapping outlives it); the mapping itself goes when the input that opened the file
/// (or the compound-file slicer) is disposed, which Lucene does only once no reader uses the segment any more.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    // An empty file maps nothing: its inputs point here and any read of one is past its end.
    private static readonly byte* Nothing = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1);

    private readonly MemoryMappedViewAccessor? view;
    private nint start;

    private MappedFile(MemoryMappedViewAccessor? view, byte* start, long length)
    {
        this.view = view;
        this.start = (nint)start;
        Length = length;
    }

    public long Length { get; }

    /// <summary>The first byte, or null once the file is unmapped.</summary>
    public byte* Start => (byte*)Volatile.Read(ref start);

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var length = stream.Length;
        if (length == 0) return new MappedFile(null, Nothing, 0);
        using var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        try
        {
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedFile(view, pointer + view.PointerOffset, length);
        }
        catch
        {
            view.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The first caller unmaps; any later one finds it done.
        if (Interlocked.Exchange(ref start, 0) == 0 || view is null) return;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
    }
}
