namespace Crm.Silo.Infrastructure.Audit;

/// <summary>The verdict over every workspace, in workspace order.</summary>
public sealed record AuditReport(IReadOnlyList<WorkspaceAuditResult> Workspaces)
{
    public bool Holds => Workspaces.All(w => w.Holds);

    public long EventsChecked => Workspaces.Sum(w => w.EventsChecked);

    public long EventsBeforeChain => Workspaces.Sum(w => w.EventsBeforeChain);
}
