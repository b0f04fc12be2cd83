using Crm.Grains.Abstractions.Routing;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>
/// Work entered a queue: opened with one, queued by hand, or reopened after it was resolved or snoozed.
/// </summary>
/// <param name="ArrivedAt">When the customer started waiting (the conversation's own time, not when the router read it):
/// the order among equal priorities, and what the wait and the overflow time count from.</param>
/// <param name="Front">Goes before everything that was not taken back from an agent (a reopened conversation).</param>
/// <param name="HeldBy">The agent the conversation still names: kept if eligible with room, else released by the router.</param>
/// <param name="Seq">The conversation's thread sequence the router had seen: older facts about it are skipped.</param>
[GenerateSerializer, Alias("crm.routing.conversation-queued.v1")]
public sealed record ConversationQueued(
    string ConversationId,
    string QueueId,
    WorkKind Kind,
    int Priority,
    IReadOnlyList<string> Skills,
    DateTimeOffset ArrivedAt,
    bool Front,
    string? HeldBy,
    long Seq) : DomainEvent;
