using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;
using Crm.Grains.Inbox;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Conversations;

/// <summary>What follows a commit: the live feed and the inbox learn of it, and the router is nudged.</summary>
public sealed partial class ConversationGrain
{
    private async Task<long> RaiseAndAnnounceAsync(Author by, DomainEvent @event)
    {
        var from = NextSeq;
        var position = await RaiseAsync(by.Actor, @event);
        Announce(from);
        return position;
    }

    /// <summary>
    /// After a commit routing cares about (opened with a queue, status, assignee, priority): one one-way nudge, and the
    /// router reads the fact itself from the store. Only conversations routing has a part in: opened with a queue, or
    /// routed once (a conversation queued by hand and never routed yet is caught up by the router's reminder).
    /// One-way also because the router calls conversations: neither ever waits on the other, so they cannot deadlock.
    /// </summary>
    private void NudgeRouter(long position)
    {
        if (State.Opened?.QueueId is not null || State.LastRouteNo > 0)
            _ = GrainFactory.GetGrain<IRouterGrain>(WorkspaceId).OnEventsCommittedAsync(position);
    }

    /// <summary>
    /// After the commit: push the new thread entries (from <paramref name="fromSeq"/>) and the summary to every web node,
    /// and update the inbox. Both calls are one-way, so the acknowledgement does not wait on delivery; a receiver that
    /// misses one gap-fills by sequence number.
    /// </summary>
    private void Announce(long fromSeq)
    {
        var summary = _summary!;
        var items = new List<LiveFeedItem>();
        for (var seq = Math.Max(fromSeq, 1); fromSeq > 0 && seq <= State.LastSeq; seq++)
            items.Add(new MessageFeedItem(State.Messages[(int)seq - 1]));
        items.Add(SummaryChanges.FeedItem(_announced, summary));
        _announced = summary;
        _publisher ??= GrainFactory.GetGrain<ILiveFeedPublisherGrain>(ILiveFeedPublisherGrain.Partition(ConversationId));
        _inbox ??= GrainFactory.GetGrain<IInboxUpdatesGrain>(WorkspaceId);
        _ = _publisher.PublishAsync([.. items]);
        _ = _inbox.OnConversationChangedAsync(summary, State.Sla);
    }
}
