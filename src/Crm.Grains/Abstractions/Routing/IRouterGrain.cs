using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Queues;
using Orleans.Concurrency;

using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Abstractions.Routing;

/// <summary>
/// The one writer of a workspace's routing decisions (key: the workspace id): it holds every queue, its waiting work,
/// and every agent's status, capacity and load, and decides who gets what. One activation per workspace, and every
/// decision is appended to its stream at the version it was made from, so no two decisions can both use an agent's
/// last free slot or both take one conversation, on any silo. It learns facts (conversations opened with a queue,
/// resolved, reopened, assigned by hand; agents' presence and capacity) by reading the workspace's events from the
/// store; grains nudge it after committing one, which is what makes the backlog drain at once.
/// </summary>
public interface IRouterGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>Sets a queue's policy (admins); the queue's work is then routed by it at once.</summary>
    Task<QueueDetails> ConfigureQueueAsync(ConfigureQueue command);

    /// <summary>
    /// Puts an open or pending conversation into <see cref="EnqueueConversation.QueueId"/> (conversations opened with a
    /// queue get there by themselves); a no-op while the router already tracks it. One that is assigned stays with its
    /// agent if they are eligible there and have room, otherwise it moves on. NotFound for an unknown conversation.
    /// </summary>
    Task<QueueDetails> EnqueueAsync(EnqueueConversation command);

    /// <summary>The offered agent takes the conversation: it is assigned to them. Conflict when the offer has ended.</summary>
    Task<ConversationDetails> AcceptOfferAsync(AnswerOffer command);

    /// <summary>The offered agent passes: the conversation is offered to the next eligible agent. A no-op when it is not offered to them.</summary>
    Task DeclineOfferAsync(AnswerOffer command);

    /// <summary>Every queue and agent for the supervisor board, after reading the store up to now.</summary>
    Task<BoardDetails> GetBoardAsync();

    /// <summary>One queue as the board shows it (a queue nobody configured is Manual and may be empty).</summary>
    Task<QueueDetails> GetQueueAsync(string queueId);

    /// <summary>
    /// Ends offers past their timeout and moves work past its queue's overflow time, by the domain clock, then routes.
    /// The router's own timer runs it at the next due instant; callable so a test can run it at a chosen domain time.
    /// </summary>
    Task SweepAsync();

    /// <summary>
    /// One-way nudge from a grain that committed an event routing may care about, at global position
    /// <paramref name="position"/>: the router reads the store from its checkpoint and routes. A lost nudge is caught
    /// up by the next one, by any call, or by the router's reminder.
    /// </summary>
    [OneWay]
    Task OnEventsCommittedAsync(long position);
}
