using System.Buffers.Binary;
using System.Text;

namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>
/// The folder store's file format: "CRMBLOB1", the content type's length (2 bytes, little endian), the content type
/// (ASCII), then the blob's bytes. The content type lives inside the blob's own file, not in a sidecar, so one atomic rename
/// publishes both: after a crash a blob never has the bytes of one write and the type of another.
/// </summary>
internal static class FolderBlobFile
{
    private static readonly byte[] Magic = "CRMBLOB1"u8.ToArray();
    private const int LengthSize = sizeof(ushort);

    public static byte[] Header(string contentType)
    {
        var type = Encoding.ASCII.GetBytes(contentType);
        var header = new byte[Magic.Length + LengthSize + type.Length];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(Magic.Length), checked((ushort)type.Length));
        type.CopyTo(header, Magic.Length + LengthSize);
        return header;
    }

    /// <summary>Reads the header at the start of <paramref name="file"/>, leaving it positioned at the blob's first byte.</summary>
    public static async Task<string> ReadHeaderAsync(FileStream file, CancellationToken cancellationToken)
    {
        var prefix = new byte[Magic.Length + LengthSize];
        await ReadExactlyOrThrowAsync(file, prefix, cancellationToken);
        if (!prefix.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw NotABlob(file);
        }

        var type = new byte[BinaryPrimitives.ReadUInt16LittleEndian(prefix.AsSpan(Magic.Length))];
        await ReadExactlyOrThrowAsync(file, type, cancellationToken);
        return Encoding.ASCII.GetString(type);
    }

    private static async Task ReadExactlyOrThrowAsync(FileStream file, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await file.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw NotABlob(file);
        }
    }

    private static InvalidDataException NotABlob(FileStream file) =>
        new($"'{file.Name}' is not a blob written by the folder blob store (its header is missing or cut short).");
}
