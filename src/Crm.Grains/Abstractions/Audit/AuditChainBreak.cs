namespace Crm.Grains.Abstractions.Audit;

/// <summary>The first broken link of a workspace's chain: the row where it breaks, what was done to it, and the evidence.</summary>
[GenerateSerializer, Immutable, Alias("crm.audit.audit-chain-break")]
public sealed record AuditChainBreak(long Position, string StreamId, long Version, string Description, string Detail);
