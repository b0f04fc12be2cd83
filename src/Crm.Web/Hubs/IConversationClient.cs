using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Queues;

namespace Crm.Web.Hubs;

/// <summary>What the server pushes: past-tense notifications carrying view records.</summary>
public interface IConversationClient
{
    Task MessagePosted(MessageDetails message);
    Task ConversationChanged(ConversationSummary summary);
    Task QueueChanged(QueueDetails queue);
    Task AgentChanged(AgentDetails agent);
    Task PresenceChanged(ConversationPresence presence);
}
