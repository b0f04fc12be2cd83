namespace Crm.Grains.Abstractions.Audit;

/// <summary>
/// The verdict over one workspace's hash chain: the hashed events checked, those written before the chain existed
/// (not verifiable, not tampering), and the first broken link, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.audit.audit-chain-status")]
public sealed record AuditChainStatus(string WorkspaceId, long EventsChecked, long EventsBeforeChain, AuditChainBreak? Break)
{
    public bool Holds => Break is null;
}
