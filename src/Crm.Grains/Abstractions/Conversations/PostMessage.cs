namespace Crm.Grains.Abstractions.Conversations;

/// <summary>Posts a message. <see cref="ClientMessageId"/> makes a resend a no-op that returns the original.</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.post-message")]
public sealed record PostMessage(Guid ClientMessageId, Author Author, string Body);
