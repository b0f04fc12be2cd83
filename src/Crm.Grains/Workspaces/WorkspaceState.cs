using Crm.Grains.EventSourcing;
using Crm.Grains.Workspaces.Events;

namespace Crm.Grains.Workspaces;

public sealed class WorkspaceState : IEventSourcedState
{
    public WorkspaceCreated? Created { get; private set; }

    /// <summary>The latest SLA settings; null while the workspace uses the defaults.</summary>
    public WorkspaceSlaConfigured? Sla { get; private set; }

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case WorkspaceCreated e:
                Created = e;
                break;
            case WorkspaceSlaConfigured e:
                Sla = e;
                break;
        }
    }
}
