using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Abstractions.Queues;

/// <summary>
/// A queue's waiting work in the order it will be handed out (see <see cref="QueuedConversation"/>), its policy, and
/// how long its work has waited as of <paramref name="AsOf"/> (domain time). Offered work still waits: it is listed
/// with the agent it is offered to.
/// </summary>
/// <param name="Policy">The admin's policy; <see cref="QueuePolicy.Manual"/> for a queue nobody configured.</param>
[GenerateSerializer, Immutable, Alias("crm.queues.queue-details")]
public sealed record QueueDetails(
    string WorkspaceId,
    string QueueId,
    IReadOnlyList<QueuedConversation> Waiting,
    QueuePolicy? Policy = null,
    DateTimeOffset AsOf = default,
    TimeSpan LongestWait = default,
    TimeSpan AverageWait = default)
{
    public int WaitingCount => Waiting.Count;
}
