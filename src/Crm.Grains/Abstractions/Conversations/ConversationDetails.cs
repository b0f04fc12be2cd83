namespace Crm.Grains.Abstractions.Conversations;

/// <param name="SlaDueAt">As <see cref="ConversationSummary.SlaDueAt"/>.</param>
/// <param name="SlaBreached">As <see cref="ConversationSummary.SlaBreached"/>.</param>
/// <param name="Skills">Skills an agent needs for it (see <see cref="OpenConversation.Skills"/>).</param>
[GenerateSerializer, Immutable, Alias("crm.conversations.conversation-details")]
public sealed record ConversationDetails(
    string WorkspaceId,
    string ConversationId,
    string CustomerId,
    string CustomerName,
    Channel Channel,
    string Subject,
    ConversationStatus Status,
    string? QueueId,
    DateTimeOffset OpenedAt,
    long LastSeq,
    Priority Priority = Priority.Normal,
    IReadOnlyList<string>? Labels = null,
    string? AssigneeId = null,
    string? AssigneeName = null,
    DateTimeOffset? SnoozedUntil = null,
    DateTimeOffset? SlaDueAt = null,
    bool SlaBreached = false,
    int? CsatScore = null,
    string? CsatComment = null,
    long ReadUpTo = 0,
    IReadOnlyList<string>? Skills = null);
