using System.Collections.Frozen;
using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Agents.Events;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Queues.Events;
using Crm.Grains.Routing.Events;

namespace Crm.Grains.Routing;

/// <summary>
/// What the router records when it reads a fact from the workspace's events, or hears back from a conversation it
/// routed: plain functions of its state, returning the router's own events (empty when the fact changes nothing).
/// </summary>
public static class RoutingFacts
{
    private static readonly FrozenSet<string> Types = new[]
    {
        EventSerializer.TypeName<ConversationOpened>(), EventSerializer.TypeName<ConversationStatusChanged>(),
        EventSerializer.TypeName<ConversationAssigned>(), EventSerializer.TypeName<ConversationPriorityChanged>(),
        EventSerializer.TypeName<AgentRegistered>(), EventSerializer.TypeName<AgentRoutingConfigured>(),
        EventSerializer.TypeName<AgentPresenceChanged>(), EventSerializer.TypeName<ConversationEnqueued>(),
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What the router reads of a workspace's events: the types above, in the streams that raise them.</summary>
    public static EventFilter Filter(string workspaceId) =>
        new([StreamIds.ConversationCategory, StreamIds.AgentCategory, StreamIds.QueueCategory], [.. Types], workspaceId);

    /// <summary>
    /// Whether a stored event can matter to routing, decided without decoding it (most events are messages). The router's
    /// own stream and the changes it made itself (as <see cref="RoutingDefaults.Actor"/>) are not news to it.
    /// </summary>
    public static bool MayMatter(StoredEvent stored, string routerStreamId) =>
        Types.Contains(stored.Type) && stored.Actor != RoutingDefaults.Actor && stored.StreamId != routerStreamId;

    public static WorkKind KindOf(Channel channel) => channel == Channel.Chat ? WorkKind.Chat : WorkKind.Ticket;

    public static bool IsActive(ConversationStatus status) => status is ConversationStatus.Open or ConversationStatus.Pending;

    /// <summary>A conversation opened with a queue waits in it, in arrival order, at its (new) normal priority.</summary>
    public static IReadOnlyList<DomainEvent> Opened(RouterState state, string conversationId, ConversationOpened opened) =>
        opened.QueueId is null || state.Work.ContainsKey(conversationId)
            ? []
            : [new ConversationQueued(conversationId, opened.QueueId, KindOf(opened.Channel), (int)Priority.Normal, opened.Skills ?? [],
                opened.At, Front: false, HeldBy: null, Seq: 0)];

    /// <summary>Resolved, closed or snoozed: tracked work leaves routing, and frees its agent's slot.</summary>
    public static IReadOnlyList<DomainEvent> StatusChanged(RouterState state, string conversationId, ConversationStatusChanged changed) =>
        state.Work.TryGetValue(conversationId, out var work) && changed.Seq > work.Seq && !IsActive(changed.To)
            ? [new ConversationRoutingEnded(conversationId, changed.To, changed.Seq)]
            : [];

    /// <summary>A conversation routing let go of (resolved or snoozed) is open again: it needs routing again.</summary>
    public static bool IsReopening(RouterState state, string conversationId, ConversationStatusChanged changed) =>
        !state.Work.ContainsKey(conversationId) && changed.From is ConversationStatus.Resolved or ConversationStatus.Snoozed && IsActive(changed.To);

    /// <summary>
    /// Work coming back (a reopened conversation) or queued by hand, as the conversation is now: to the front when it
    /// comes back, and held by its assignee, who keeps it if eligible with room (otherwise the router releases it).
    /// </summary>
    public static IReadOnlyList<DomainEvent> Queued(RouterState state, ConversationDetails? details, string? queueId, int priority, bool front, DateTimeOffset arrivedAt)
    {
        if (details is null || queueId is null || state.Work.ContainsKey(details.ConversationId) || !IsActive(details.Status)) return [];
        var queued = new ConversationQueued(details.ConversationId, queueId, KindOf(details.Channel), priority, details.Skills ?? [], arrivedAt,
            front, details.AssigneeId, details.LastSeq);
        // A queue handed out by people never takes work back from the person who has it: it stays theirs, as assigned.
        return state.PolicyOf(queueId).Assignment == AssignmentPolicy.Manual && details.AssigneeId is { } assignee
            ? [queued, new ConversationAssignedManually(details.ConversationId, assignee, details.LastSeq)]
            : [queued];
    }

    /// <summary>A person assigned or unassigned tracked work (the router's own changes never reach here).</summary>
    public static IReadOnlyList<DomainEvent> Assigned(RouterState state, string conversationId, long seq, string? agentId)
    {
        if (!state.Work.TryGetValue(conversationId, out var work) || seq <= work.Seq) return [];
        if (agentId is null)
        {
            return work.Stage == WorkStage.Assigned ? [new ConversationRequeued(conversationId, work.AgentId!, AwaitsRelease: false)]
                : work.HeldBy is { } held ? [new ConversationReleased(conversationId, held)]
                : [];
        }
        if (work.Stage == WorkStage.Assigned && work.AgentId == agentId)
            return work.HeldBy is { } held ? [new ConversationReleased(conversationId, held)] : [];
        return [new ConversationAssignedManually(conversationId, agentId, seq)];
    }

    public static IReadOnlyList<DomainEvent> PriorityChanged(RouterState state, string conversationId, Priority priority) =>
        state.Work.TryGetValue(conversationId, out var work) && work.Priority != (int)priority
            ? [new ConversationReprioritized(conversationId, (int)priority)]
            : [];

    /// <summary>
    /// An agent's registration, routing settings or presence: recorded whole when it changes anything routing uses.
    /// Going offline takes their chats back to the front of the queue (tickets stay: they are not live) and withdraws
    /// their offers; their slots stay counted until each conversation has let go of them.
    /// </summary>
    public static IReadOnlyList<DomainEvent> AgentChanged(RouterState state, string agentId, DomainEvent fact)
    {
        var known = state.Agents.GetValueOrDefault(agentId) is { Registered: true } a ? a : null;
        var current = known is null
            ? new RoutingAgentUpdated(agentId, agentId, AgentStatus.Offline, fact.At, 0, RoutingDefaults.TicketCapacity, [], [])
            : new RoutingAgentUpdated(agentId, known.DisplayName, known.Status, known.StatusSince, known.ChatCapacity, known.TicketCapacity, known.Skills, known.Teams);
        var next = fact switch
        {
            AgentRegistered e => current with { DisplayName = e.DisplayName, ChatCapacity = e.ChatCapacity },
            AgentRoutingConfigured e => current with { ChatCapacity = e.ChatCapacity, TicketCapacity = e.TicketCapacity, Skills = e.Skills, Teams = e.Teams },
            AgentPresenceChanged e => current with { Status = e.Status, StatusSince = e.At },
            _ => current,
        };
        if (known is not null && Same(current, next)) return [];

        var events = new List<DomainEvent> { next };
        if (current.Status != AgentStatus.Offline && next.Status == AgentStatus.Offline)
        {
            foreach (var work in state.Work.Values.Where(w => w.AgentId == agentId).OrderBy(w => w.Arrival))
            {
                if (work.Stage == WorkStage.Offered)
                    events.Add(new ConversationRequeued(work.ConversationId, agentId, AwaitsRelease: false));
                else if (work is { Stage: WorkStage.Assigned, Kind: WorkKind.Chat })
                    events.Add(new ConversationRequeued(work.ConversationId, agentId, AwaitsRelease: true));
            }
        }
        return events;
    }

    /// <summary>
    /// The conversation's answer to a route: the truth as of its <see cref="ConversationDetails.LastSeq"/>. Matching the
    /// plan frees the slot of whoever it replaced; anything else means a person (or the customer) got there first, and
    /// the router takes the conversation's word for it.
    /// </summary>
    public static IReadOnlyList<DomainEvent> Delivered(RoutedWork work, ConversationDetails? details)
    {
        if (details is null || !IsActive(details.Status))
            return [new ConversationRoutingEnded(work.ConversationId, details?.Status ?? ConversationStatus.Closed, details?.LastSeq ?? work.Seq)];
        var target = work.Stage == WorkStage.Assigned ? work.AgentId : null;
        if (details.AssigneeId == target)
            return work.HeldBy is { } held ? [new ConversationReleased(work.ConversationId, held)] : [];
        if (details.AssigneeId is { } assignee && assignee != work.HeldBy)
            return [new ConversationAssignedManually(work.ConversationId, assignee, details.LastSeq)];
        // Unassigned, or still with the holder, and the route did not land: only a newer decision from another activation of
        // this router does that, and that activation's next write makes this one reload. Nothing to record.
        return [];
    }

    private static bool Same(RoutingAgentUpdated a, RoutingAgentUpdated b) =>
        a.DisplayName == b.DisplayName && a.Status == b.Status && a.ChatCapacity == b.ChatCapacity && a.TicketCapacity == b.TicketCapacity
        && RoutingTags.SameSet(a.Skills, b.Skills) && RoutingTags.SameSet(a.Teams, b.Teams);
}
