using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Inbox;

/// <summary>
/// Which inbox rows to return. <see cref="View"/> Mine needs <see cref="AgentId"/>; every filter is optional;
/// at most <see cref="Limit"/> rows (1–500).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.inbox.inbox-query")]
public sealed record InboxQuery(
    ConversationStatus? Status = null,
    int Limit = 100,
    InboxView View = InboxView.All,
    string? AgentId = null,
    string? QueueId = null,
    string? Label = null,
    InboxSort Sort = InboxSort.LatestActivity);
