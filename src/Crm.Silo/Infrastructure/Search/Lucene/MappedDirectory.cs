using Lucene.Net.Store;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// The search index's folder: Lucene's memory-mapped directory for everything it writes, locks and syncs, with its
/// files read through <see cref="MappedInput"/> (see there for why).
/// </summary>
internal sealed class MappedDirectory(string path) : MMapDirectory(path)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = System.IO.Path.Combine(Directory.FullName, name);
        var file = MappedFile.Open(path);
        return new MappedInput($"MappedInput(path=\"{path}\")", file, 0, file.Length, owner: true);
    }

    /// <summary>A compound file's reader: one mapping for the whole file, its inner files slices of it.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = System.IO.Path.Combine(Directory.FullName, name);
        return new Slicer(path, MappedFile.Open(path));
    }

    private sealed class Slicer(string path, MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > file.Length)
                throw new ArgumentException($"Slice {sliceDescription} ({offset}, {length}) is outside {path} ({file.Length} bytes).");
            return new MappedInput($"MappedInput({sliceDescription} in path=\"{path}\")", file, offset, length, owner: false);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
        }
    }
}
