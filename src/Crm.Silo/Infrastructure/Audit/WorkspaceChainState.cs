namespace Crm.Silo.Infrastructure.Audit;

/// <summary>The verifier's running state for one workspace: the last verified link, the counts, the first break.</summary>
internal sealed class WorkspaceChainState
{
    public long Checked { get; set; }

    public long BeforeChain { get; set; }

    public string? LastHash { get; set; }

    public long LastPosition { get; set; }

    public string? LastStreamId { get; set; }

    public long LastVersion { get; set; }

    public AuditBreak? Break { get; set; }
}
