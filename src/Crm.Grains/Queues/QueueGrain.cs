using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;
using Orleans.Concurrency;

namespace Crm.Grains.Queues;

/// <summary>
/// A queue seen through the workspace's router, which holds every queue's waiting work and is its only writer (a
/// queue's work and the agents serving it share capacity with other queues). A stateless worker: any silo answers
/// locally and forwards, so the queue adds no second copy of the list and no extra hop through a single activation.
/// </summary>
[StatelessWorker]
public sealed class QueueGrain : Grain, IQueueGrain
{
    private (string WorkspaceId, string QueueId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    private IRouterGrain Router => GrainFactory.GetGrain<IRouterGrain>(Key.WorkspaceId);

    public Task<QueueDetails> EnqueueAsync(EnqueueConversation command) => Router.EnqueueAsync(command with { QueueId = Key.QueueId });

    public Task<QueueDetails> GetDetailsAsync() => Router.GetQueueAsync(Key.QueueId);
}
