using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Silo.Infrastructure.Audit;

/// <summary>
/// The per-workspace hash chain over the event log. Each event's hash is SHA-256 over a length-prefixed encoding of the
/// previous hash of its workspace and every stored column of the row, so changing, removing, inserting or reordering a
/// stored row breaks the chain from that row on. Writers (the group committer) and the verifier share this one encoding.
/// </summary>
public static class AuditChain
{
    /// <summary>What the first hashed event of a workspace chains from.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    // Versions the encoding: a future change of fields hashes differently instead of colliding with this one.
    private static readonly byte[] DomainTag = "crm-audit-chain/v1"u8.ToArray();

    /// <summary>The workspace a stream belongs to: the first segment of "{ws}/{category}/{id}" (the whole id if it has no '/').</summary>
    public static string WorkspaceOf(string streamId)
    {
        var slash = streamId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? streamId : streamId[..slash];
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the row. <paramref name="timestampMicroseconds"/> is the stored instant in microseconds
    /// since the Unix epoch (UTC), the precision both SQLite and PostgreSQL keep exactly.
    /// </summary>
    public static string Hash(
        string prevHash,
        string streamId,
        long version,
        Guid eventId,
        string type,
        string data,
        string actor,
        long timestampMicroseconds,
        long position)
    {
        var workspace = WorkspaceOf(streamId);
        var id = eventId.ToString("D");
        var utf8 = Encoding.UTF8;

        // Every variable-length field is preceded by its byte length, so no two different rows encode alike.
        var length = Field(DomainTag.Length)
            + Field(utf8.GetByteCount(prevHash))
            + Field(utf8.GetByteCount(workspace))
            + Field(utf8.GetByteCount(streamId))
            + sizeof(long)
            + Field(id.Length)
            + Field(utf8.GetByteCount(type))
            + Field(utf8.GetByteCount(data))
            + Field(utf8.GetByteCount(actor))
            + sizeof(long)
            + sizeof(long);

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = buffer.AsSpan(0, length);
            var offset = 0;
            WriteBytes(span, ref offset, DomainTag);
            WriteString(span, ref offset, prevHash);
            WriteString(span, ref offset, workspace);
            WriteString(span, ref offset, streamId);
            WriteInt64(span, ref offset, version);
            WriteString(span, ref offset, id);
            WriteString(span, ref offset, type);
            WriteString(span, ref offset, data);
            WriteString(span, ref offset, actor);
            WriteInt64(span, ref offset, timestampMicroseconds);
            WriteInt64(span, ref offset, position);

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(span, digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Field(int byteCount) => sizeof(int) + byteCount;

    private static void WriteBytes(Span<byte> span, ref int offset, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteInt32BigEndian(span[offset..], bytes.Length);
        offset += sizeof(int);
        bytes.CopyTo(span[offset..]);
        offset += bytes.Length;
    }

    private static void WriteString(Span<byte> span, ref int offset, string value)
    {
        // Invalid UTF-16 (a lone surrogate) becomes U+FFFD here exactly as it does when the database stores the text.
        var count = Encoding.UTF8.GetBytes(value, span[(offset + sizeof(int))..]);
        BinaryPrimitives.WriteInt32BigEndian(span[offset..], count);
        offset += sizeof(int) + count;
    }

    private static void WriteInt64(Span<byte> span, ref int offset, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(span[offset..], value);
        offset += sizeof(long);
    }
}
