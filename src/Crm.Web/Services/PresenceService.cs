using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>Who is looking at and typing into a conversation: agents from the console, visitors from the widget.</summary>
public sealed class PresenceService(IGrainFactory grains)
{
    public Task<ConversationPresence> HeartbeatAsync(string workspaceId, string conversationId, Participant participant) =>
        Grain(workspaceId, conversationId).HeartbeatAsync(participant);

    public Task SetTypingAsync(string workspaceId, string conversationId, Participant participant, bool isTyping) =>
        Grain(workspaceId, conversationId).SetTypingAsync(participant, isTyping);

    public Task LeaveAsync(string workspaceId, string conversationId, string sessionId) =>
        Grain(workspaceId, conversationId).LeaveAsync(sessionId);

    public static Participant AgentParticipant(WorkspaceUser user, string sessionId) =>
        new(sessionId, AuthorKind.Agent, user.AgentId, user.DisplayName);

    private IConversationPresenceGrain Grain(string workspaceId, string conversationId) =>
        grains.GetGrain<IConversationPresenceGrain>(GrainKeys.Scoped(workspaceId, Ids.Require(conversationId, "conversation")));
}
