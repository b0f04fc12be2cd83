namespace Crm.Silo.Infrastructure.Audit;

/// <summary>
/// One workspace's verdict: the hashed events checked, the events written before the chain existed (not verifiable,
/// not tampering), and the first break, if any.
/// </summary>
public sealed record WorkspaceAuditResult(string Workspace, long EventsChecked, long EventsBeforeChain, AuditBreak? Break)
{
    public bool Holds => Break is null;
}
