namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// Opens the conversation whose id the client chose. Retrying with the same id and customer returns the
/// conversation already opened, so a flaky connection never creates a second one.
/// </summary>
/// <param name="QueueId">The queue the conversation waits in until routed; null: straight to the inbox.</param>
/// <param name="Skills">Skills an agent needs for this conversation (e.g. a language), beyond its queue's.</param>
[GenerateSerializer, Immutable, Alias("crm.conversations.open-conversation")]
public sealed record OpenConversation(
    string CustomerId,
    string CustomerName,
    Channel Channel,
    string Subject,
    string? QueueId,
    string Actor,
    IReadOnlyList<string>? Skills = null);
