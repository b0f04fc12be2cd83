using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Collaboration;

/// <summary>Who has the conversation open and who is typing, one entry per person (tabs merged).</summary>
[GenerateSerializer, Immutable, Alias("crm.collaboration.conversation-presence")]
public sealed record ConversationPresence(string WorkspaceId, string ConversationId, IReadOnlyList<PresentPerson> People, long Version);

[GenerateSerializer, Immutable, Alias("crm.collaboration.present-person")]
public sealed record PresentPerson(AuthorKind Kind, string Id, string DisplayName, bool IsTyping);
