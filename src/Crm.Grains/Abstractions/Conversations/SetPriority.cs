namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Immutable, Alias("crm.conversations.set-priority")]
public sealed record SetPriority(Priority Priority, Author By);
