namespace Crm.Silo.Infrastructure.Audit;

/// <summary>The first broken link of a workspace's chain: where, and what mismatched.</summary>
public sealed record AuditBreak(AuditBreakKind Kind, long Position, string StreamId, long Version, string Detail)
{
    public string Description => Kind switch
    {
        AuditBreakKind.RowContentChanged => "row content changed",
        AuditBreakKind.LinkBroken => "link broken (a row was removed, inserted or reordered before it)",
        AuditBreakKind.HashMissing => "hash missing (row stripped of its hash or written around the store)",
        AuditBreakKind.Truncated => "chain truncated (rows removed from its end)",
        _ => Kind.ToString(),
    };
}
