namespace Crm.Silo.Infrastructure.Audit;

/// <summary>
/// One stored event row exactly as the chain hashes it: the timestamp as stored (Unix microseconds, UTC) and its
/// <see cref="PrevHash"/> and <see cref="Hash"/>, both null for rows written before the chain existed.
/// </summary>
public sealed record AuditRecord(
    long Position,
    string StreamId,
    long Version,
    Guid EventId,
    string Type,
    string Data,
    string Actor,
    long TimestampMicroseconds,
    string? PrevHash,
    string? Hash);
