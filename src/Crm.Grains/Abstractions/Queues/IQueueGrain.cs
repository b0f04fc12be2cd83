namespace Crm.Grains.Abstractions.Queues;

/// <summary>A team's queue of waiting work. Key: "{workspaceId}/{queueId}".</summary>
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>Adds a conversation to the waiting list (no-op while it already waits).</summary>
    Task<QueueDetails> EnqueueAsync(EnqueueConversation command);

    Task<QueueDetails> GetDetailsAsync();
}
