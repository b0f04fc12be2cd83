namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Alias("crm.conversations.priority")]
public enum Priority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
