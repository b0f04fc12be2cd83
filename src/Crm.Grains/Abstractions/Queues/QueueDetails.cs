namespace Crm.Grains.Abstractions.Queues;

/// <summary>A queue's waiting work, highest priority first, then oldest first.</summary>
[GenerateSerializer, Immutable, Alias("crm.queues.queue-details")]
public sealed record QueueDetails(string WorkspaceId, string QueueId, IReadOnlyList<QueuedConversation> Waiting);
