using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Conversations;

/// <summary>The words of a thread's activity entries, built from the events that carry them.</summary>
public static class ActivityText
{
    public static string StatusChanged(ConversationStatus from, ConversationStatus to, DateTimeOffset? snoozedUntil, Author by) => to switch
    {
        ConversationStatus.Open when from == ConversationStatus.Snoozed && by.Kind == AuthorKind.System => "The snooze ended: the conversation is open again",
        ConversationStatus.Open => $"{by.DisplayName} reopened the conversation",
        ConversationStatus.Snoozed => $"{by.DisplayName} snoozed the conversation until {snoozedUntil:yyyy-MM-dd HH:mm} UTC",
        _ => $"{by.DisplayName} marked the conversation {ConversationRules.Name(to)}",
    };

    public static string Assigned(string? agentName, Author by) =>
        agentName is null ? $"{by.DisplayName} unassigned the conversation" : $"{by.DisplayName} assigned the conversation to {agentName}";
}
