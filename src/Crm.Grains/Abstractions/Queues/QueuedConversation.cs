using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Abstractions.Queues;

/// <summary>
/// One piece of waiting work. The order: work taken back from an agent (<paramref name="Requeued"/>) first, then the
/// highest priority, then the earliest arrival (<paramref name="EnqueuedAt"/>).
/// </summary>
/// <param name="EnqueuedAt">When the work first arrived (a requeue or an overflow keeps it).</param>
/// <param name="WaitingSince">When it last started waiting: its arrival, or the moment it was taken back from an agent.</param>
/// <param name="Skills">Skills the work itself needs, beyond the queue's own.</param>
[GenerateSerializer, Immutable, Alias("crm.queues.queued-conversation")]
public sealed record QueuedConversation(
    string ConversationId,
    int Priority,
    DateTimeOffset EnqueuedAt,
    WorkKind Kind = WorkKind.Chat,
    DateTimeOffset WaitingSince = default,
    bool Requeued = false,
    string? OfferedTo = null,
    DateTimeOffset? OfferExpiresAt = null,
    IReadOnlyList<string>? Skills = null);
