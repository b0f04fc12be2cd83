namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// An inbox row. <see cref="Version"/> is the conversation stream's version: a receiver keeps the highest it saw,
/// so a late or repeated update never overwrites a newer one.
/// </summary>
/// <param name="SlaDueAt">
/// When the next SLA target breaches: the earliest due instant among targets still counting down and not yet
/// reported breached. Null when none runs (met, paused while pending or snoozed, resolved, closed, or no policy). It
/// can lie in the past for a moment, until the breach is recorded: show it as overdue.
/// </param>
/// <param name="SlaBreached">A target was breached and is still owed (the reply or resolution has not come).</param>
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
    DateTimeOffset? WaitingSince = null,
    DateTimeOffset? SlaDueAt = null,
    bool SlaBreached = false,
    int? CsatScore = null,
    bool Unread = false,
    long ReadUpTo = 0);
