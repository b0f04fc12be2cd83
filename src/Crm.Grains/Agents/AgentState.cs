using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Agents.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Agents;

public sealed class AgentState : IEventSourcedState
{
    public AgentRegistered? Profile { get; private set; }
    public AgentStatus Status { get; private set; } = AgentStatus.Offline;
    public DateTimeOffset StatusSince { get; private set; }

    /// <summary>The status the agent last chose (or came back to): where a returning console puts them.</summary>
    public AgentStatus Chosen { get; private set; } = AgentStatus.Online;

    /// <summary>The chat capacity in force: from the registration, or the routing settings given after it.</summary>
    public int ChatCapacity { get; private set; }

    public AgentRoutingConfigured? Routing { get; private set; }

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case AgentRegistered e:
                if (Profile is null) StatusSince = e.At;
                Profile = e;
                ChatCapacity = e.ChatCapacity;
                break;
            case AgentRoutingConfigured e:
                Routing = e;
                ChatCapacity = e.ChatCapacity;
                break;
            case AgentPresenceChanged e:
                Status = e.Status;
                StatusSince = e.At;
                if (e.Status != AgentStatus.Offline) Chosen = e.Status;
                break;
        }
    }
}
