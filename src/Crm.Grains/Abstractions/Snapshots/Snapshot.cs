using System.Buffers;

namespace Crm.Grains.Abstractions.Snapshots;

/// <summary>
/// A saved fold of a long stream or projection, so an activation reads it plus the tail instead of everything.
/// </summary>
/// <param name="Key">What it is a snapshot of: "stream/{streamId}" for a grain's own stream, "projection/{partition}" for a projection.</param>
/// <param name="SchemaVersion">The shape of <paramref name="Data"/>; a reader that expects another one discards it and rebuilds.</param>
/// <param name="Position">How far the fold reached: the stream version for a stream, the global position for a projection.</param>
/// <param name="Data">
/// The serialized state (may be empty when only the position matters). A sequence of chunks, not one array: the CRM
/// directory of a million customers is over 150 MB, and one contiguous copy of it, then the database driver's own, was
/// most of the memory a large import peaked at.
/// </param>
public sealed record Snapshot(string Key, int SchemaVersion, long Position, ReadOnlySequence<byte> Data)
{
    public Snapshot(string key, int schemaVersion, long position, byte[] data)
        : this(key, schemaVersion, position, new ReadOnlySequence<byte>(data))
    {
    }
}
