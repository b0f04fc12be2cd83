using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Routing;

/// <summary>A conversation the router tracks, from entering a queue until it is resolved, closed or snoozed. Changed only by <see cref="RouterState"/>.</summary>
[GenerateSerializer, Alias("crm.routing.routed-work")]
public sealed class RoutedWork(string conversationId)
{
    [Id(0)] public string ConversationId { get; } = conversationId;
    [Id(1)] public string QueueId { get; internal set; } = "";
    [Id(2)] public WorkKind Kind { get; internal set; }
    [Id(3)] public int Priority { get; internal set; }
    [Id(4)] public IReadOnlyList<string> Skills { get; internal set; } = [];
    [Id(5)] public DateTimeOffset ArrivedAt { get; internal set; }
    [Id(6)] public DateTimeOffset WaitingSince { get; internal set; }

    /// <summary>When it entered its current queue: what the queue's overflow time counts from.</summary>
    [Id(7)] public DateTimeOffset QueueEnteredAt { get; internal set; }

    /// <summary>Taken back from an agent (or reopened): served before the rest of its queue.</summary>
    [Id(8)] public bool Front { get; internal set; }

    /// <summary>Arrival order in the router: breaks ties of priority and time, so the order is always exact.</summary>
    [Id(9)] public long Arrival { get; internal set; }

    [Id(10)] public WorkStage Stage { get; internal set; }

    /// <summary>Who it is offered or assigned to; null while it waits.</summary>
    [Id(11)] public string? AgentId { get; internal set; }

    [Id(12)] public DateTimeOffset? OfferExpiresAt { get; internal set; }

    /// <summary>Agents who declined it, let the offer lapse, or had it taken back from them: others get it first.</summary>
    [Id(13)] public HashSet<string> PassedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>An agent the conversation still names although the router took the work back: their slot stays counted.</summary>
    [Id(14)] public string? HeldBy { get; internal set; }

    /// <summary>The router stream version of the last event about it: the number its delivery carries.</summary>
    [Id(15)] public long RouteNo { get; internal set; }

    /// <summary>The conversation's thread sequence the router has seen: facts at or below it are old news.</summary>
    [Id(16)] public long Seq { get; internal set; }

    public bool IsWaiting => Stage == WorkStage.Waiting;
}
