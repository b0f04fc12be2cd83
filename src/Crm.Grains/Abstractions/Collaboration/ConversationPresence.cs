using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Collaboration;

/// <summary>Who has the conversation open and who is typing, one entry per person (tabs merged).</summary>
[GenerateSerializer, Immutable, Alias("crm.collaboration.conversation-presence")]
public sealed record ConversationPresence(string WorkspaceId, string ConversationId, IReadOnlyList<PresentPerson> People, long Version)
{
    /// <summary>
    /// As seen once <paramref name="message"/> arrived: its author has stopped typing. Clients apply this themselves,
    /// so no "stopped typing" call follows every message; the next presence version replaces it either way.
    /// </summary>
    public ConversationPresence AfterMessage(MessageDetails message) =>
        People.Any(p => p.IsTyping && p.Kind == message.Author.Kind && p.Id == message.Author.Id)
            ? this with { People = People.Select(p => p.Kind == message.Author.Kind && p.Id == message.Author.Id ? p with { IsTyping = false } : p).ToList() }
            : this;
}

[GenerateSerializer, Immutable, Alias("crm.collaboration.present-person")]
public sealed record PresentPerson(AuthorKind Kind, string Id, string DisplayName, bool IsTyping);
