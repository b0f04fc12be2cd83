using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Web.Hubs;

/// <summary>What the server pushes: past-tense notifications carrying view records.</summary>
public interface IConversationClient
{
    Task MessagePosted(MessageDetails message);
    Task ConversationChanged(ConversationSummary summary);
    Task QueueChanged(QueueDetails queue);
    Task AgentChanged(AgentDetails agent);
    Task PresenceChanged(ConversationPresence presence);

    /// <summary>An agent's routing row on the supervisor board changed (status, capacity, load, offers).</summary>
    Task AgentWorkloadChanged(AgentWorkloadSummary agent);
}
