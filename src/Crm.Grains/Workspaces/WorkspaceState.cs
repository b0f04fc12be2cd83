using Crm.Grains.EventSourcing;
using Crm.Grains.Workspaces.Events;

namespace Crm.Grains.Workspaces;

public sealed class WorkspaceState : IEventSourcedState
{
    public WorkspaceCreated? Created { get; private set; }

    public void Apply(DomainEvent @event)
    {
        if (@event is WorkspaceCreated e) Created = e;
    }
}
