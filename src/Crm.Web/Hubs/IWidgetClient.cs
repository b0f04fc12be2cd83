using Crm.Web.Visitors;

namespace Crm.Web.Hubs;

/// <summary>What the widget receives: messages of the visitor's own conversations, as visitor views.</summary>
public interface IWidgetClient
{
    Task MessagePosted(string conversationId, VisitorMessage message);

    /// <summary>The conversation's status, how far the team has read ("Seen"), and whether to ask for a rating.</summary>
    Task ConversationUpdated(string conversationId, VisitorConversationState state);

    /// <summary>The display names of agents typing a reply right now (empty when nobody is).</summary>
    Task AgentsTyping(string conversationId, IReadOnlyList<string> agentNames);

    /// <summary>Whether an agent can chat now changed (true: someone is online; false: messages wait for a reply by email).</summary>
    Task AvailabilityChanged(bool agentsAvailable);
}
