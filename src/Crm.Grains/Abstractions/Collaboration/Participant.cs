using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Collaboration;

/// <summary>
/// Someone with a conversation open: one entry per open page (<see cref="SessionId"/>), so closing one of two tabs
/// does not hide the person.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.collaboration.participant")]
public sealed record Participant(string SessionId, AuthorKind Kind, string Id, string DisplayName);
