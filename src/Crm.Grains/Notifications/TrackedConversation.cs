namespace Crm.Grains.Notifications;

/// <summary>What the notification projection remembers of a conversation to word and address its notifications.</summary>
/// <param name="LastPosition">The last event that touched it: the least recently touched are forgotten first.</param>
[GenerateSerializer, Immutable, Alias("crm.notifications.tracked-conversation")]
public sealed record TrackedConversation(
    [property: Id(0)] string CustomerName,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? AssigneeId,
    [property: Id(3)] string? OfferedTo,
    [property: Id(4)] long LastPosition)
{
    public string Title => string.IsNullOrWhiteSpace(Subject) ? CustomerName : $"{CustomerName} · {Subject}";
}
