using System.Buffers.Binary;

namespace Crm.Grains.Imports;

/// <summary>
/// Event ids for an import's rows that are the same on every run, so a batch written again after a crash is recognized
/// by the store and stored once. Laid out like a version-7 GUID (the import's creation time first, then the line), so
/// a million of them still land at the end of the store's event-id index, as random ids would not.
/// </summary>
public static class ImportIds
{
    public static Guid EventId(string importId, DateTimeOffset importCreatedAt, long line, int index)
    {
        var hash = (ulong)(uint)StableHash(importId);
        var high = ((ulong)importCreatedAt.ToUnixTimeMilliseconds() << 16) | 0x7000UL | (hash & 0x0FFF);
        var low = 0x8000_0000_0000_0000UL | ((hash >> 12) & 0x3FFFF) << 44 | ((ulong)line & 0xFF_FFFF_FFFF) << 4 | ((ulong)index & 0xF);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>FNV-1a: string.GetHashCode differs per process, and the id must not.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
