namespace Crm.Grains.Abstractions.Inbox;

/// <summary>
/// Per view, the active conversations (not resolved or closed), how many of them have a customer waiting for a
/// reply, and how many hold a customer message nobody has read yet (opening the conversation reads it). The same
/// numbers the lists show, from the same rows.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.inbox.inbox-counts")]
public sealed record InboxCounts(
    int Mine,
    int MineWaiting,
    int Unassigned,
    int UnassignedWaiting,
    int All,
    int AllWaiting,
    int MineUnread = 0,
    int UnassignedUnread = 0,
    int AllUnread = 0);
