namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Immutable, Alias("crm.conversations.mark-conversation-read")]
public sealed record MarkConversationRead(long UpToSeq, Author By);
