namespace Crm.Grains.Abstractions.Audit;

/// <summary>
/// One stored event as an admin reads it: when, who (<see cref="Actor"/> as stored, e.g. "agent:alex", and a display
/// name when one is known), which entity (the stream's category and id), what (a readable <see cref="Action"/>, an
/// optional <see cref="Detail"/>), and each field it changed with its value before and after. Message and email bodies
/// are never copied here: <see cref="Detail"/> gives their sequence number and length only.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.audit.audit-entry")]
public sealed record AuditEntry(
    long Position,
    DateTimeOffset At,
    string Actor,
    string? ActorName,
    string Category,
    string EntityId,
    long Version,
    string EventType,
    string Action,
    string? Detail,
    IReadOnlyList<AuditChange> Changes);
