using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.EventSourcing;
using Crm.Grains.Queues.Events;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Queues;

public sealed class QueueGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<QueueState>(store, clock), IQueueGrain
{
    private (string WorkspaceId, string QueueId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.QueueCategory, Key.WorkspaceId, Key.QueueId);

    public async Task<QueueDetails> EnqueueAsync(EnqueueConversation command)
    {
        var conversationId = Ids.Require(command.ConversationId, "conversation");
        if (command.Priority is < 0 or > 3)
            throw new DomainException(DomainErrorKind.Invalid, "Priority must be 0 (low) to 3 (urgent).");
        if (State.Waiting.ContainsKey(conversationId))
            return Details();

        await RaiseAsync(command.Actor, new ConversationEnqueued(conversationId, command.Priority));
        var details = Details();
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new QueueFeedItem(details)]);
        return details;
    }

    public Task<QueueDetails> GetDetailsAsync() => Task.FromResult(Details());

    private QueueDetails Details() => new(
        Key.WorkspaceId,
        Key.QueueId,
        State.Waiting.Values.OrderByDescending(w => w.Item.Priority).ThenBy(w => w.Arrival).Select(w => w.Item).ToList());
}
