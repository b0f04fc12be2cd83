namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// An inbox row. <see cref="Version"/> is the conversation stream's version: a receiver keeps the highest it saw,
/// so a late or repeated update never overwrites a newer one.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.conversation-summary")]
public sealed record ConversationSummary(
    string WorkspaceId,
    string ConversationId,
    string CustomerName,
    Channel Channel,
    string Subject,
    ConversationStatus Status,
    string? QueueId,
    DateTimeOffset OpenedAt,
    long LastSeq,
    string LastMessagePreview,
    AuthorKind? LastAuthorKind,
    DateTimeOffset LastActivityAt,
    long Version,
    Priority Priority = Priority.Normal,
    IReadOnlyList<string>? Labels = null,
    string? AssigneeId = null,
    string? AssigneeName = null,
    DateTimeOffset? WaitingSince = null);
