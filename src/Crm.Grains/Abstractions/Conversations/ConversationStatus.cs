namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Alias("crm.conversations.status")]
public enum ConversationStatus
{
    Open = 0,
    Pending = 1,
    Snoozed = 2,
    Resolved = 3,
    Closed = 4,
}
