namespace Crm.Grains.Abstractions.Collaboration;

/// <summary>
/// Live, in-memory presence on one conversation (key "{workspaceId}/{conversationId}"): viewers renew every few
/// seconds and vanish within <see cref="PresenceTimings"/> when they stop, so a closed laptop does not linger.
/// Nothing here is stored: presence is a fact about now, not history.
/// </summary>
public interface IConversationPresenceGrain : IGrainWithStringKey
{
    /// <summary>Joins or renews; returns who is there now.</summary>
    Task<ConversationPresence> HeartbeatAsync(Participant participant);

    /// <summary>Marks the participant typing (renewed by keystrokes, lapses by itself) or not.</summary>
    Task SetTypingAsync(Participant participant, bool isTyping);

    Task LeaveAsync(string sessionId);

    Task<ConversationPresence> GetAsync();
}
