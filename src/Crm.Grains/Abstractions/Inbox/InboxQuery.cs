using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Inbox;

/// <summary>Which inbox rows to return: optionally one status, newest activity first, at most <see cref="Limit"/>.</summary>
[GenerateSerializer, Immutable, Alias("crm.inbox.inbox-query")]
public sealed record InboxQuery(ConversationStatus? Status = null, int Limit = 100);
