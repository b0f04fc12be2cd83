namespace Crm.Grains.Abstractions.Inbox;

/// <summary>
/// Per view, the active conversations (not resolved or closed) and how many of them have a customer waiting for a
/// reply. The same numbers the lists show, from the same rows.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.inbox.inbox-counts")]
public sealed record InboxCounts(int Mine, int MineWaiting, int Unassigned, int UnassignedWaiting, int All, int AllWaiting);
