namespace Crm.Grains.Abstractions.Queues;

/// <summary>
/// A team's queue of waiting work. Key: "{workspaceId}/{queueId}". A window onto the workspace's router
/// (<see cref="Crm.Grains.Abstractions.Routing.IRouterGrain"/>), which holds every queue's work, so there is one
/// waiting list per queue and one writer of it.
/// </summary>
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>Adds a conversation to the waiting list (no-op while it already waits or is routed).</summary>
    Task<QueueDetails> EnqueueAsync(EnqueueConversation command);

    Task<QueueDetails> GetDetailsAsync();
}
